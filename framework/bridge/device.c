// SPDX-License-Identifier: GPL-2.0
/*
 * Device and firmware-node property bridge: dev_printk() and the property
 * readers are macros or inlines over typed helpers.
 */
#include <linux/device.h>
#include <linux/dev_printk.h>
#include <linux/property.h>
#include <kcxx/bridge/device.h>

/**
 * kcxx_dev_vprintk() - log a message about @dev, as dev_printk() does
 * @dev: the device
 * @level: a KERN_<LEVEL> digit, '0' to '7'
 * @fmt: printf-style format
 * @args: its arguments
 */
void kcxx_dev_vprintk(const struct device *dev, char level, const char *fmt,
		      va_list *args)
{
	struct va_format vaf = { .fmt = fmt, .va = args };
	char prefix[3] = { KERN_SOH_ASCII, level, '\0' };

	dev_printk(prefix, dev, "%pV", &vaf);
}

/**
 * kcxx_dev_err_probe() - report a probe failure, quietly when it is a deferral
 * @dev: the device
 * @err: the negative errno probe returns
 * @fmt: printf-style format
 * @args: its arguments
 *
 * Return: @err.
 */
int kcxx_dev_err_probe(const struct device *dev, int err, const char *fmt,
		       va_list *args)
{
	struct va_format vaf = { .fmt = fmt, .va = args };

	return dev_err_probe(dev, err, "%pV", &vaf);
}

/** kcxx_dev_name() - the device's name, as in sysfs */
const char *kcxx_dev_name(const struct device *dev)
{
	return dev_name(dev);
}

/** kcxx_dev_fwnode() - the device's firmware node, or NULL; not referenced */
struct fwnode_handle *kcxx_dev_fwnode(struct device *dev)
{
	return dev_fwnode(dev);
}

/** kcxx_fwnode_get_name() - a node's name as in the tree, unit address included */
const char *kcxx_fwnode_get_name(const struct fwnode_handle *node)
{
	return fwnode_get_name(node);
}

/** kcxx_fwnode_property_present() - whether @node has property @name */
int kcxx_fwnode_property_present(const struct fwnode_handle *node, const char *name)
{
	return fwnode_property_present(node, name);
}

/**
 * kcxx_fwnode_property_read_u32_array() - read or count u32 values of a property
 * @node: the node
 * @name: the property
 * @values: where to store @count values, or NULL to count them
 * @count: how many to read
 *
 * Return: 0 (or the count when @values is NULL), -EINVAL when the property is
 * missing, -ENODATA when it has no value, -EOVERFLOW when it is too short,
 * -EPROTO when its values are not u32.
 */
int kcxx_fwnode_property_read_u32_array(const struct fwnode_handle *node, const char *name,
					unsigned int *values, unsigned long count)
{
	return fwnode_property_read_u32_array(node, name, values, count);
}

/**
 * kcxx_fwnode_property_read_string() - read the first string of a property
 * @node: the node
 * @name: the property
 * @value: the string, which lives as long as the node
 *
 * Return: 0, -EINVAL when missing, -ENODATA when empty, -EPROTO when not a string.
 */
int kcxx_fwnode_property_read_string(const struct fwnode_handle *node, const char *name,
				     const char **value)
{
	return fwnode_property_read_string(node, name, value);
}

/**
 * kcxx_fwnode_property_string_count() - how many strings a property holds
 * @node: the node
 * @name: the property
 *
 * Return: the count, -EINVAL when missing, -ENODATA when empty, -EILSEQ when
 * the value is not a list of NUL-terminated strings (a number, say).
 */
int kcxx_fwnode_property_string_count(const struct fwnode_handle *node, const char *name)
{
	return fwnode_property_string_array_count(node, name);
}

/**
 * kcxx_fwnode_property_match_string() - find @value among a property's strings
 *
 * Return: its index, -ENODATA when absent, -EINVAL when the property is missing.
 */
int kcxx_fwnode_property_match_string(const struct fwnode_handle *node, const char *name,
				      const char *value)
{
	return fwnode_property_match_string(node, name, value);
}

/**
 * kcxx_fwnode_find_reference() - the node a phandle property points at
 * @node: the node
 * @name: the property
 * @index: which reference of the property
 *
 * Return: the node with a reference the caller must drop, or an ERR_PTR.
 */
struct fwnode_handle *kcxx_fwnode_find_reference(const struct fwnode_handle *node,
						 const char *name, unsigned int index)
{
	return fwnode_find_reference(node, name, index);
}

/**
 * kcxx_fwnode_get_next_child() - the next available child of @node
 * @node: the parent
 * @child: the previous child, whose reference this drops, or NULL to start
 *
 * Return: the next child with a reference taken, or NULL at the end.
 */
struct fwnode_handle *kcxx_fwnode_get_next_child(const struct fwnode_handle *node,
						 struct fwnode_handle *child)
{
	return fwnode_get_next_available_child_node(node, child);
}

/** kcxx_fwnode_handle_get() - take a reference on @node; returns @node */
struct fwnode_handle *kcxx_fwnode_handle_get(struct fwnode_handle *node)
{
	return fwnode_handle_get(node);
}

/** kcxx_fwnode_handle_put() - drop a reference on @node (NULL is fine) */
void kcxx_fwnode_handle_put(struct fwnode_handle *node)
{
	fwnode_handle_put(node);
}

/** kcxx_fwnode_device_is_available() - whether @node's status is "okay" */
int kcxx_fwnode_device_is_available(const struct fwnode_handle *node)
{
	return fwnode_device_is_available(node);
}
