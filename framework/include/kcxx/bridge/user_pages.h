/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/mm.h>'s pin_user_pages_fast()/unpin_user_pages() and
 * <linux/scatterlist.h>'s sg_alloc_table_from_pages(), for DMA to user
 * memory. User addresses cross as unsigned long; pages only as opaque
 * struct page pointers that C++ never dereferences.
 */
#ifndef KCXX_BRIDGE_USER_PAGES_H
#define KCXX_BRIDGE_USER_PAGES_H

#ifdef __cplusplus
extern "C" {
#endif

struct page;
struct sg_table;

struct page **kcxx_page_array_alloc(unsigned long count);
void kcxx_page_array_free(struct page **pages);
long kcxx_pin_user_pages_fast(unsigned long start, unsigned long nr_pages, int writable,
			      struct page **pages);
void kcxx_unpin_user_pages(struct page **pages, unsigned long nr_pages, int dirty);
int kcxx_sg_alloc_table_from_pages(struct sg_table *sgt, struct page **pages,
				   unsigned long nr_pages, unsigned int offset, unsigned long size,
				   unsigned int max_segment, unsigned int gfp);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_USER_PAGES_H */
