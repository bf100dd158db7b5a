/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/miscdevice.h> and <linux/fs.h>'s file_operations: C++
 * implements these ops; C trampolines call them with the per-file state.
 */
#ifndef KCXX_BRIDGE_MISCDEV_H
#define KCXX_BRIDGE_MISCDEV_H

#ifdef __cplusplus
extern "C" {
#endif

struct file;
struct module;
struct poll_table_struct;
struct vm_area_struct;

struct kcxx_misc_ops {
	int (*open)(void *owner, void **state);
	void (*release)(void *state);
	/* @flags: the file's f_flags (O_NONBLOCK) at the time of the call */
	long (*read)(void *state, unsigned int flags, unsigned long buf, unsigned long len,
		     long long *pos);
	long (*write)(void *state, unsigned int flags, unsigned long buf, unsigned long len,
		      long long *pos);
	long (*ioctl)(void *state, unsigned int flags, unsigned int cmd, unsigned long arg);
	unsigned int (*poll)(void *state, struct file *file, struct poll_table_struct *pt);
	int (*fasync)(void *state, int fd, struct file *file, int on);
	int (*mmap)(void *state, struct vm_area_struct *vma);
};

int kcxx_misc_register(void *dev, const char *name, const struct kcxx_misc_ops *ops,
		       void *owner);
void kcxx_misc_deregister(void *dev);
int kcxx_misc_minor(void *dev);

#ifdef __cplusplus
}
#else
#include <linux/fs.h>
#include <linux/miscdevice.h>

/* What C++ reserves (opaque, sized by kconsts) for each misc device. */
struct kcxx_miscdev {
	struct miscdevice misc;
	const struct kcxx_misc_ops *ops;
	void *owner;
};
#endif

#endif /* KCXX_BRIDGE_MISCDEV_H */
