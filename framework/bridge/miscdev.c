// SPDX-License-Identifier: GPL-2.0
/*
 * Misc character device bridge: file_operations whose callbacks hand the
 * per-file state (file->private_data) to the C++ implementation.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/poll.h>
#include <kcxx/bridge/miscdev.h>

static int kcxx_misc_open(struct inode *inode, struct file *file)
{
	/* misc_open() left our struct miscdevice in private_data. */
	struct kcxx_miscdev *dev = container_of(file->private_data, struct kcxx_miscdev, misc);
	void *state = NULL;
	int ret = dev->ops->open(dev->owner, &state);

	if (ret)
		return ret;
	file->private_data = state;
	return 0;
}

static int kcxx_misc_release(struct inode *inode, struct file *file)
{
	struct kcxx_miscdev *dev = container_of(file->f_op, struct kcxx_miscdev, fops);

	dev->ops->release(file->private_data);
	return 0;
}

static const struct kcxx_misc_ops *ops_of(struct file *file)
{
	return container_of(file->f_op, struct kcxx_miscdev, fops)->ops;
}

static ssize_t kcxx_misc_read(struct file *file, char __user *buf, size_t len, loff_t *pos)
{
	return ops_of(file)->read(file->private_data, (unsigned long)buf, len, pos);
}

static ssize_t kcxx_misc_write(struct file *file, const char __user *buf, size_t len,
			       loff_t *pos)
{
	return ops_of(file)->write(file->private_data, (unsigned long)buf, len, pos);
}

static long kcxx_misc_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	return ops_of(file)->ioctl(file->private_data, cmd, arg);
}

static __poll_t kcxx_misc_poll(struct file *file, struct poll_table_struct *pt)
{
	return (__force __poll_t)ops_of(file)->poll(file->private_data, file, pt);
}

static int kcxx_misc_fasync(int fd, struct file *file, int on)
{
	return ops_of(file)->fasync(file->private_data, fd, file, on);
}

/**
 * kcxx_misc_register() - create /dev/@name, a misc device implemented in C++
 * @dev: zeroed storage for a struct kcxx_miscdev, alive until deregistered
 * @name: device name
 * @ops: the C++ implementation; NULL entries are operations it lacks
 * @owner: handed to @ops->open
 * @module: THIS_MODULE of the caller, held while a file is open
 *
 * Context: process context.
 * Return: 0 or a negative errno.
 */
int kcxx_misc_register(void *dev, const char *name, const struct kcxx_misc_ops *ops,
		       void *owner, struct module *module)
{
	struct kcxx_miscdev *m = dev;

	m->ops = ops;
	m->owner = owner;
	m->fops.owner = module;
	m->fops.open = kcxx_misc_open;
	m->fops.release = kcxx_misc_release;
	m->fops.llseek = noop_llseek;
	if (ops->read)
		m->fops.read = kcxx_misc_read;
	if (ops->write)
		m->fops.write = kcxx_misc_write;
	if (ops->ioctl) {
		m->fops.unlocked_ioctl = kcxx_misc_ioctl;
		m->fops.compat_ioctl = compat_ptr_ioctl;
	}
	if (ops->poll)
		m->fops.poll = kcxx_misc_poll;
	if (ops->fasync)
		m->fops.fasync = kcxx_misc_fasync;
	m->misc.minor = MISC_DYNAMIC_MINOR;
	m->misc.name = name;
	m->misc.fops = &m->fops;
	return misc_register(&m->misc);
}

/** kcxx_misc_deregister() - remove the device; open files keep working */
void kcxx_misc_deregister(void *dev)
{
	misc_deregister(&((struct kcxx_miscdev *)dev)->misc);
}

/** kcxx_misc_minor() - the minor number the device got */
int kcxx_misc_minor(void *dev)
{
	return ((struct kcxx_miscdev *)dev)->misc.minor;
}
