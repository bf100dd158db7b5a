/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/device.h>'s device attributes (sysfs files of a device).
 */
#ifndef KCXX_BRIDGE_SYSFS_H
#define KCXX_BRIDGE_SYSFS_H

#ifdef __cplusplus
extern "C" {
#endif

struct device;

/* Both return bytes produced/consumed, or a negative errno. */
typedef long (*kcxx_attr_show_fn)(void *ctx, char *buf);
typedef long (*kcxx_attr_store_fn)(void *ctx, const char *buf, unsigned long len);

int kcxx_device_create_file(struct device *dev, void *attr, const char *name, unsigned short mode,
			    kcxx_attr_show_fn show, kcxx_attr_store_fn store, void *ctx);

/*
 * Attribute groups: static, shared by every device of a kind; the owner is
 * the device's drvdata, the attribute's own context says which file it is.
 */
typedef long (*kcxx_group_show_fn)(void *owner, const void *ctx, char *buf);
typedef long (*kcxx_group_store_fn)(void *owner, const void *ctx, const char *buf,
				    unsigned long len);
void kcxx_attr_group_set(void *attrs, unsigned int i, const char *name, unsigned short mode,
			 kcxx_group_show_fn show, kcxx_group_store_fn store, const void *ctx);
void kcxx_attr_group_init(void *group, void **list, void *attrs, unsigned int n);
void kcxx_device_remove_file(struct device *dev, void *attr);
__attribute__((format(printf, 3, 0))) int kcxx_vscnprintf(char *buf, unsigned long size,
							  const char *fmt, __builtin_va_list *args);
int kcxx_kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kcxx_kstrtoll(const char *s, unsigned int base, long long *res);
int kcxx_kstrtobool(const char *s, int *res);

#ifdef __cplusplus
}
#else
#include <linux/device.h>

struct kcxx_dev_attr {
	struct device_attribute attr;
	kcxx_attr_show_fn show;
	kcxx_attr_store_fn store;
	void *ctx;
};

struct kcxx_group_attr {
	struct device_attribute attr;
	kcxx_group_show_fn show;
	kcxx_group_store_fn store;
	const void *ctx;
};
#endif

#endif /* KCXX_BRIDGE_SYSFS_H */
