/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/platform_device.h>.
 */
#ifndef KCXX_BRIDGE_PLATFORM_H
#define KCXX_BRIDGE_PLATFORM_H

#include <kcxx/bridge/common.h>

#ifdef __cplusplus
extern "C" {
#endif

struct device;
struct module;
struct platform_device;

/* C++ callbacks: probe gets the matched of_device_id's data. */
typedef int (*kcxx_platform_probe_fn)(struct platform_device *pdev, const void *match_data,
				      void *context);
typedef void (*kcxx_platform_remove_fn)(struct platform_device *pdev);

int kcxx_platform_driver_register(void *driver, const char *name, const void *of_match_table,
				  const void *const *dev_groups, kcxx_platform_probe_fn probe,
				  kcxx_platform_remove_fn remove, void *context,
				  struct module *owner);
void kcxx_platform_driver_unregister(void *driver);
struct device *kcxx_platform_device_dev(struct platform_device *pdev);
void kcxx_platform_set_drvdata(struct platform_device *pdev, void *data);
void *kcxx_platform_get_drvdata(struct platform_device *pdev);
void KCXX_IOMEM *kcxx_devm_platform_ioremap_resource(struct platform_device *pdev,
						     unsigned int index,
						     unsigned long long *size);

#ifdef __cplusplus
}
#else
#include <linux/platform_device.h>

/* What C++ reserves (opaque, sized by kconsts) for each driver it registers. */
struct kcxx_platform_driver {
	struct platform_driver driver;
	kcxx_platform_probe_fn probe;
	kcxx_platform_remove_fn remove;
	void *context;
};
#endif

#endif /* KCXX_BRIDGE_PLATFORM_H */
