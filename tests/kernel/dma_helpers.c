// SPDX-License-Identifier: GPL-2.0
/*
 * Test-only helpers for kcxx_dma_test: the kernel's own view of memory, to
 * check DMA addresses and that freed DMA memory comes back.
 */
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/vmstat.h>
#include "dma_helpers.h"

unsigned long kcxx_test_free_pages(void)
{
	return global_zone_page_state(NR_FREE_PAGES);
}

unsigned long kcxx_test_total_pages(void)
{
	return totalram_pages();
}

unsigned long long kcxx_test_virt_to_phys(void *addr)
{
	return virt_to_phys(addr);
}
