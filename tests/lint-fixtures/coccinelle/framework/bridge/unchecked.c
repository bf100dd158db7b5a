// SPDX-License-Identifier: GPL-2.0
/*
 * Coccinelle fixture (never built): bridge functions that misuse an
 * ERR_PTR-returning call and ignore a user copy. The raw kernel calls are
 * fine here: this is the bridge.
 *
 * lint-expect: result of devm_platform_ioremap_resource\(\) on line 28 used before IS_ERR\(\)
 * lint-expect: result of fwnode_find_reference\(\) on line 39 used before IS_ERR\(\)
 * lint-expect: result of copy_from_user\(\) ignored
 */
#include <linux/err.h>
#include <linux/io.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/uaccess.h>

/* Good: returned unchanged, C++ checks it. */
void __iomem *fixture_map(struct platform_device *pdev)
{
	return devm_platform_ioremap_resource(pdev, 0);
}

/* Bad: a NULL test instead of IS_ERR(). */
u32 fixture_read(struct platform_device *pdev)
{
	void __iomem *base;

	base = devm_platform_ioremap_resource(pdev, 0);
	if (!base)
		return 0;
	return readl(base);
}

/* Bad: dereferenced unchecked. */
int fixture_ref(const struct fwnode_handle *node)
{
	struct fwnode_handle *ref;

	ref = fwnode_find_reference(node, "kcxx,partner", 0);
	fwnode_handle_put(ref);
	return 0;
}

/* Good: checked first. */
int fixture_ref_checked(const struct fwnode_handle *node)
{
	struct fwnode_handle *ref;

	ref = fwnode_find_reference(node, "kcxx,partner", 0);
	if (IS_ERR(ref))
		return PTR_ERR(ref);
	fwnode_handle_put(ref);
	return 0;
}

/* Bad: the bytes not copied are ignored. */
void fixture_copy(void *dst, const void __user *src, unsigned long n)
{
	copy_from_user(dst, src, n);
}

/* Good: raw kmalloc is the bridge's job. */
void *fixture_alloc(unsigned long n)
{
	return kmalloc(n, GFP_KERNEL);
}
