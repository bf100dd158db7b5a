// SPDX-License-Identifier: GPL-2.0
/*
 * Device attribute bridge: sysfs calls these trampolines with the attribute,
 * from which they find the C++ handler and its context.
 */
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/sysfs.h>
#include <kcxx/bridge/sysfs.h>

static ssize_t kcxx_attr_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct kcxx_dev_attr *a = container_of(attr, struct kcxx_dev_attr, attr);

	return a->show(a->ctx, buf);
}

static ssize_t kcxx_attr_store(struct device *dev, struct device_attribute *attr,
			       const char *buf, size_t len)
{
	struct kcxx_dev_attr *a = container_of(attr, struct kcxx_dev_attr, attr);

	return a->store(a->ctx, buf, len);
}

/**
 * kcxx_device_create_file() - add /sys/.../<dev>/<name>
 * @dev: the device
 * @attr: zeroed storage for a struct kcxx_dev_attr, alive until removed
 * @name: file name; must outlive the attribute
 * @mode: 0444, 0644, 0200...
 * @show: fills a PAGE_SIZE buffer, or NULL for write-only
 * @store: parses what was written, or NULL for read-only
 * @ctx: handed to @show and @store
 *
 * Context: process context.
 * Return: 0 or a negative errno.
 */
int kcxx_device_create_file(struct device *dev, void *attr, const char *name,
			    unsigned short mode, kcxx_attr_show_fn show,
			    kcxx_attr_store_fn store, void *ctx)
{
	struct kcxx_dev_attr *a = attr;

	sysfs_attr_init(&a->attr.attr);
	a->attr.attr.name = name;
	a->attr.attr.mode = mode;
	a->attr.show = show ? kcxx_attr_show : NULL;
	a->attr.store = store ? kcxx_attr_store : NULL;
	a->show = show;
	a->store = store;
	a->ctx = ctx;
	return device_create_file(dev, &a->attr);
}

/**
 * kcxx_device_remove_file() - remove the file; returns after any show/store
 * still running on it has finished (kernfs drains active users)
 */
void kcxx_device_remove_file(struct device *dev, void *attr)
{
	device_remove_file(dev, &((struct kcxx_dev_attr *)attr)->attr);
}

static ssize_t kcxx_group_attr_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct kcxx_group_attr *a = container_of(attr, struct kcxx_group_attr, attr);

	return a->show(dev_get_drvdata(dev), a->ctx, buf);
}

static ssize_t kcxx_group_attr_store(struct device *dev, struct device_attribute *attr,
				     const char *buf, size_t len)
{
	struct kcxx_group_attr *a = container_of(attr, struct kcxx_group_attr, attr);

	return a->store(dev_get_drvdata(dev), a->ctx, buf, len);
}

/**
 * kcxx_attr_group_set() - fill the @i-th file of a static attribute group
 * @attrs: static storage for the group's struct kcxx_group_attr array
 * @i: which file
 * @name: its name, static
 * @mode: 0444, 0644...
 * @show: reads, or NULL for write-only; called with the device's drvdata
 * @store: writes, or NULL for read-only; likewise
 * @ctx: handed to @show and @store, static
 *
 * The storage is static (module data), so the attribute needs no
 * sysfs_attr_init(): lockdep keys it by address.
 */
void kcxx_attr_group_set(void *attrs, unsigned int i, const char *name, unsigned short mode,
			 kcxx_group_show_fn show, kcxx_group_store_fn store, const void *ctx)
{
	struct kcxx_group_attr *a = (struct kcxx_group_attr *)attrs + i;

	a->attr.attr.name = name;
	a->attr.attr.mode = mode;
	a->attr.show = show ? kcxx_group_attr_show : NULL;
	a->attr.store = store ? kcxx_group_attr_store : NULL;
	a->show = show;
	a->store = store;
	a->ctx = ctx;
}

/**
 * kcxx_attr_group_init() - make a struct attribute_group of @n filled files
 * @group: static storage for the struct attribute_group
 * @list: static storage for @n + 1 pointers
 * @attrs: the files, filled by kcxx_attr_group_set()
 * @n: how many
 */
void kcxx_attr_group_init(void *group, void **list, void *attrs, unsigned int n)
{
	struct attribute_group *g = group;
	struct kcxx_group_attr *a = attrs;
	unsigned int i;

	for (i = 0; i < n; i++)
		list[i] = &a[i].attr.attr;
	list[n] = NULL;
	g->attrs = (struct attribute **)list;
}

/** kcxx_vscnprintf() - format into @buf; returns the bytes written (< @size) */
int kcxx_vscnprintf(char *buf, unsigned long size, const char *fmt, va_list *args)
{
	return vscnprintf(buf, size, fmt, *args);
}

/** kcxx_kstrtoull() - parse an unsigned number (a trailing newline is fine) */
int kcxx_kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	return kstrtoull(s, base, res);
}

/** kcxx_kstrtoll() - parse a signed number (a trailing newline is fine) */
int kcxx_kstrtoll(const char *s, unsigned int base, long long *res)
{
	return kstrtoll(s, base, res);
}

/** kcxx_kstrtobool() - parse 1/0, y/n, on/off... into 1 or 0 */
int kcxx_kstrtobool(const char *s, int *res)
{
	bool value = false;
	int ret = kstrtobool(s, &value);

	*res = value;
	return ret;
}
