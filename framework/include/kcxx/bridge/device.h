/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/device.h>, <linux/dev_printk.h> and <linux/property.h>
 * (firmware-node properties: device tree or ACPI alike).
 */
#ifndef KCXX_BRIDGE_DEVICE_H
#define KCXX_BRIDGE_DEVICE_H

#ifdef __cplusplus
extern "C" {
#endif

struct device;
struct fwnode_handle;

__attribute__((format(printf, 3, 0)))
void kcxx_dev_vprintk(const struct device *dev, char level, const char *fmt,
		      __builtin_va_list *args);
__attribute__((format(printf, 3, 0)))
int kcxx_dev_err_probe(const struct device *dev, int err, const char *fmt,
		       __builtin_va_list *args);
const char *kcxx_dev_name(const struct device *dev);

struct fwnode_handle *kcxx_dev_fwnode(struct device *dev);
const char *kcxx_fwnode_get_name(const struct fwnode_handle *node);
int kcxx_fwnode_property_present(const struct fwnode_handle *node, const char *name);
int kcxx_fwnode_property_read_u32_array(const struct fwnode_handle *node, const char *name,
					unsigned int *values, unsigned long count);
int kcxx_fwnode_property_read_string(const struct fwnode_handle *node, const char *name,
				     const char **value);
int kcxx_fwnode_property_string_count(const struct fwnode_handle *node, const char *name);
int kcxx_fwnode_property_match_string(const struct fwnode_handle *node, const char *name,
				      const char *value);
struct fwnode_handle *kcxx_fwnode_find_reference(const struct fwnode_handle *node,
						 const char *name, unsigned int index);
struct fwnode_handle *kcxx_fwnode_get_next_child(const struct fwnode_handle *node,
						 struct fwnode_handle *child);
struct fwnode_handle *kcxx_fwnode_handle_get(struct fwnode_handle *node);
void kcxx_fwnode_handle_put(struct fwnode_handle *node);
int kcxx_fwnode_device_is_available(const struct fwnode_handle *node);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_DEVICE_H */
