// SPDX-License-Identifier: GPL-2.0
/*
 * Platform driver bridge: C++ drivers fill a struct kcxx_platform_driver
 * (storage reserved in C++) and get their probe and remove called through
 * these trampolines. The remove signature changed in 6.11; this is the only
 * place that knows.
 */
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/version.h>
#include <kcxx/bridge/platform.h>

static struct kcxx_platform_driver *to_kcxx_driver(struct platform_device *pdev)
{
	return container_of(to_platform_driver(pdev->dev.driver),
			    struct kcxx_platform_driver, driver);
}

static int kcxx_platform_probe(struct platform_device *pdev)
{
	struct kcxx_platform_driver *drv = to_kcxx_driver(pdev);

	return drv->probe(pdev, device_get_match_data(&pdev->dev), drv->context);
}

static void kcxx_platform_remove(struct platform_device *pdev)
{
	to_kcxx_driver(pdev)->remove(pdev);
}

/**
 * kcxx_platform_driver_register() - register a C++ platform driver
 * @driver: zeroed storage for a struct kcxx_platform_driver, alive until
 *          kcxx_platform_driver_unregister()
 * @name: driver name
 * @of_match_table: the driver's of_device_id table, ending in an empty entry
 * @dev_groups: NULL-terminated attribute groups every bound device gets
 *              (created after probe, before the bind uevent), or NULL
 * @probe: called for each matching device
 * @remove: called when a bound device goes away
 * @context: passed to every @probe call (the driver's module state), or NULL
 * @owner: THIS_MODULE of the caller
 *
 * Context: process context; devices already present are probed before return.
 * Return: 0 or a negative errno.
 */
int kcxx_platform_driver_register(void *driver, const char *name, const void *of_match_table,
				  const void *const *dev_groups, kcxx_platform_probe_fn probe,
				  kcxx_platform_remove_fn remove, void *context,
				  struct module *owner)
{
	struct kcxx_platform_driver *drv = driver;

	drv->probe = probe;
	drv->remove = remove;
	drv->context = context;
	drv->driver.probe = kcxx_platform_probe;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 11, 0)
	drv->driver.remove = kcxx_platform_remove;
#else
	drv->driver.remove_new = kcxx_platform_remove;
#endif
	drv->driver.driver.name = name;
	drv->driver.driver.of_match_table = of_match_table;
	drv->driver.driver.dev_groups = (const struct attribute_group **)dev_groups;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(7, 1, 0)
	/* mod_name names the driver's module in sysfs: the owner's name. */
	return __platform_driver_register(&drv->driver, owner, module_name(owner));
#else
	return __platform_driver_register(&drv->driver, owner);
#endif
}

/** kcxx_platform_driver_unregister() - unbind all devices and unregister */
void kcxx_platform_driver_unregister(void *driver)
{
	struct kcxx_platform_driver *drv = driver;

	platform_driver_unregister(&drv->driver);
}

/** kcxx_platform_device_dev() - the struct device of @pdev */
struct device *kcxx_platform_device_dev(struct platform_device *pdev)
{
	return &pdev->dev;
}

/** kcxx_platform_set_drvdata() - store the driver's state in @pdev */
void kcxx_platform_set_drvdata(struct platform_device *pdev, void *data)
{
	platform_set_drvdata(pdev, data);
}

/** kcxx_platform_get_drvdata() - the driver's state stored in @pdev */
void *kcxx_platform_get_drvdata(struct platform_device *pdev)
{
	return platform_get_drvdata(pdev);
}

/**
 * kcxx_devm_platform_ioremap_resource() - request and map a memory resource
 * @pdev: the device
 * @index: which IORESOURCE_MEM resource
 * @size: set to the resource's size on success
 *
 * The mapping and the region request are released when the device unbinds.
 *
 * Return: the mapping, or an ERR_PTR (-EINVAL without such a resource,
 * -EBUSY when the region is taken, -ENOMEM).
 */
void __iomem *kcxx_devm_platform_ioremap_resource(struct platform_device *pdev,
						  unsigned int index,
						  unsigned long long *size)
{
	struct resource *res;
	void __iomem *base = devm_platform_get_and_ioremap_resource(pdev, index, &res);

	if (!IS_ERR(base))
		*size = resource_size(res);
	return base;
}
