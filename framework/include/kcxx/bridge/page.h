/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to the page allocator (<linux/gfp.h>, <linux/mm.h>). Shared by the
 * C bridge and C++; plain C types only.
 */
#ifndef KCXX_BRIDGE_PAGE_H
#define KCXX_BRIDGE_PAGE_H

#ifdef __cplusplus
extern "C" {
#endif

struct page;
struct page *kcxx_alloc_pages(unsigned int gfp, unsigned int order);
void kcxx_free_pages(struct page *page, unsigned int order);
void *kcxx_page_address(const struct page *page);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_PAGE_H */
