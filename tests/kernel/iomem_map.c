// SPDX-License-Identifier: GPL-2.0
/*
 * Maps QEMU virt's PL061 GPIO block for the IoMem test, as a platform driver's
 * probe would with devm_ioremap_resource(). Test code, not framework: the
 * address is the board's, fixed by QEMU (hw/arm/virt.c puts it at 0x09030000).
 */
#include <linux/io.h>
#include <linux/of.h>
#include "iomem_map.h"

#define KCXX_VIRT_PL061_PHYS 0x09030000

/**
 * kcxx_iomem_test_map() - map the PL061 registers of QEMU's virt board
 *
 * Only on that board: elsewhere the address may be anything, or nothing.
 * The gpio-pl061 driver owns the region; mapping it again is harmless, and
 * the test touches only the direction bit of a pin no one uses.
 *
 * Return: KCXX_IOMEM_TEST_SIZE bytes of I/O memory, or NULL.
 */
void __iomem *kcxx_iomem_test_map(void)
{
	if (!of_machine_is_compatible("linux,dummy-virt"))
		return NULL;
	return ioremap(KCXX_VIRT_PL061_PHYS, KCXX_IOMEM_TEST_SIZE);
}

/**
 * kcxx_iomem_test_unmap() - undo kcxx_iomem_test_map()
 * @base: what it returned, or NULL
 */
void kcxx_iomem_test_unmap(void __iomem *base)
{
	if (base)
		iounmap(base);
}
