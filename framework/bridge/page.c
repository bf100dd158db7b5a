// SPDX-License-Identifier: GPL-2.0
/*
 * Page-allocator bridge: alloc_pages() is a macro from 6.10 (allocation
 * tagging); the largest order is MAX_ORDER - 1 before 6.4, MAX_ORDER until
 * 6.8 and MAX_PAGE_ORDER since (kconsts.c gives C++ the right one).
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <kcxx/bridge/page.h>

/**
 * kcxx_alloc_pages() - allocate 2^@order physically contiguous pages
 * @gfp: GFP flags (no __GFP_HIGHMEM: C++ reaches pages by page_address())
 * @order: log2 of the number of pages
 *
 * Return: the first page, or NULL.
 */
struct page *kcxx_alloc_pages(unsigned int gfp, unsigned int order)
{
	return alloc_pages((__force gfp_t)gfp, order);
}

/**
 * kcxx_free_pages() - free a block from kcxx_alloc_pages()
 * @page: its first page
 * @order: the order it was allocated with
 */
void kcxx_free_pages(struct page *page, unsigned int order)
{
	__free_pages(page, order);
}

/**
 * kcxx_page_address() - the kernel virtual address of a lowmem page
 * @page: the page
 *
 * Return: its address in the kernel's linear map.
 */
void *kcxx_page_address(const struct page *page)
{
	return page_address(page);
}
