/* SPDX-License-Identifier: GPL-2.0 */
/* Test-only helpers for dma_test.cpp, written in C against kernel headers. */
#ifndef KCXX_TESTS_DMA_HELPERS_H
#define KCXX_TESTS_DMA_HELPERS_H

#ifdef __cplusplus
extern "C" {
#endif

/* Free pages in the buddy allocator, to see that memory comes back. */
unsigned long kcxx_test_free_pages(void);
/* All the RAM the kernel manages, in pages. */
unsigned long kcxx_test_total_pages(void);
/* The physical address of linear-map memory (kmalloc). */
unsigned long long kcxx_test_virt_to_phys(void *addr);

#ifdef __cplusplus
}
#endif

#endif
