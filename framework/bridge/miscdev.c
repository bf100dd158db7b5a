// SPDX-License-Identifier: GPL-2.0
/*
 * Misc character device bridge: file_operations whose callbacks hand the
 * per-file state (file->private_data) to the C++ implementation.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <kcxx/bridge/miscdev.h>

/*
 * Per open file: the C++ operations and the file's C++ state. The operations
 * table is static in the module and the file_operations below are static
 * too, so nothing a file points at goes away with the C++ device object.
 */
struct kcxx_misc_file {
	const struct kcxx_misc_ops *ops;
	void *state;
};

static int kcxx_misc_open(struct inode *inode, struct file *file)
{
	/* misc_open() left our struct miscdevice in private_data. */
	struct kcxx_miscdev *dev = container_of(file->private_data, struct kcxx_miscdev, misc);
	struct kcxx_misc_file *f = kmalloc(sizeof(*f), GFP_KERNEL);
	int ret;

	if (!f)
		return -ENOMEM;
	f->ops = dev->ops;
	ret = dev->ops->open(dev->owner, &f->state);
	if (ret) {
		kfree(f);
		return ret;
	}
	file->private_data = f;
	return 0;
}

static int kcxx_misc_release(struct inode *inode, struct file *file)
{
	struct kcxx_misc_file *f = file->private_data;

	f->ops->release(f->state);
	kfree(f);
	return 0;
}

static ssize_t kcxx_misc_read(struct file *file, char __user *buf, size_t len, loff_t *pos)
{
	struct kcxx_misc_file *f = file->private_data;

	if (!f->ops->read)
		return -EINVAL;
	return f->ops->read(f->state, file->f_flags, (unsigned long)buf, len, pos);
}

static ssize_t kcxx_misc_write(struct file *file, const char __user *buf, size_t len,
			       loff_t *pos)
{
	struct kcxx_misc_file *f = file->private_data;

	if (!f->ops->write)
		return -EINVAL;
	return f->ops->write(f->state, file->f_flags, (unsigned long)buf, len, pos);
}

static long kcxx_misc_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct kcxx_misc_file *f = file->private_data;

	if (!f->ops->ioctl)
		return -ENOTTY;
	return f->ops->ioctl(f->state, file->f_flags, cmd, arg);
}

static __poll_t kcxx_misc_poll(struct file *file, struct poll_table_struct *pt)
{
	struct kcxx_misc_file *f = file->private_data;

	if (!f->ops->poll)
		return DEFAULT_POLLMASK;
	return (__force __poll_t)f->ops->poll(f->state, file, pt);
}

static int kcxx_misc_fasync(int fd, struct file *file, int on)
{
	struct kcxx_misc_file *f = file->private_data;

	/* Without a fasync operation, O_ASYNC is accepted and does nothing. */
	if (!f->ops->fasync)
		return 0;
	return f->ops->fasync(f->state, fd, file, on);
}

static int kcxx_misc_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct kcxx_misc_file *f = file->private_data;

	if (!f->ops->mmap)
		return -ENODEV;
	return f->ops->mmap(f->state, vma);
}

/* This module's misc devices; THIS_MODULE because the bridge is linked in. */
static const struct file_operations kcxx_misc_fops = {
	.owner = THIS_MODULE,
	.open = kcxx_misc_open,
	.release = kcxx_misc_release,
	.read = kcxx_misc_read,
	.write = kcxx_misc_write,
	.unlocked_ioctl = kcxx_misc_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.poll = kcxx_misc_poll,
	.fasync = kcxx_misc_fasync,
	.mmap = kcxx_misc_mmap,
	.llseek = noop_llseek,
};

/**
 * kcxx_misc_register() - create /dev/@name, a misc device implemented in C++
 * @dev: zeroed storage for a struct kcxx_miscdev, alive until deregistered
 * @name: device name
 * @ops: the C++ implementation, static; NULL entries are operations it lacks
 * @owner: handed to @ops->open
 *
 * Open files hold this module (the file_operations' owner).
 *
 * Context: process context.
 * Return: 0 or a negative errno.
 */
int kcxx_misc_register(void *dev, const char *name, const struct kcxx_misc_ops *ops,
		       void *owner)
{
	struct kcxx_miscdev *m = dev;

	m->ops = ops;
	m->owner = owner;
	m->misc.minor = MISC_DYNAMIC_MINOR;
	m->misc.name = name;
	m->misc.fops = &kcxx_misc_fops;
	return misc_register(&m->misc);
}

/**
 * kcxx_misc_deregister() - remove the device node; no open can start after
 * this returns (misc_open() and this serialise on misc_mtx), but files
 * already open stay open: the C++ side revokes them (kcxx/miscdev.h).
 */
void kcxx_misc_deregister(void *dev)
{
	misc_deregister(&((struct kcxx_miscdev *)dev)->misc);
}

/** kcxx_misc_minor() - the minor number the device got */
int kcxx_misc_minor(void *dev)
{
	return ((struct kcxx_miscdev *)dev)->misc.minor;
}
