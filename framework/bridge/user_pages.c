// SPDX-License-Identifier: GPL-2.0
/*
 * Pinned user pages for DMA: pin_user_pages_fast() and unpin_user_pages*()
 * (<linux/mm.h>), the page array in kvmalloc memory (<linux/slab.h>, a macro
 * from 6.12), sg_alloc_table_from_pages() (an inline).
 */
#include <linux/mm.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <kcxx/bridge/user_pages.h>

/**
 * kcxx_page_array_alloc() - a zeroed array of @count page pointers
 * @count: entries
 *
 * Context: process context; may sleep.
 * Return: the array (free with kcxx_page_array_free()), or NULL.
 */
struct page **kcxx_page_array_alloc(unsigned long count)
{
	return kvcalloc(count, sizeof(struct page *), GFP_KERNEL);
}

/** kcxx_page_array_free() - free an array from kcxx_page_array_alloc() */
void kcxx_page_array_free(struct page **pages)
{
	kvfree(pages);
}

/**
 * kcxx_pin_user_pages_fast() - pin the current process's pages for DMA
 * @start: page-aligned user address
 * @nr_pages: pages
 * @writable: nonzero when the device will write them (FOLL_WRITE)
 * @pages: filled with the pinned pages
 *
 * Context: process context; may sleep and fault pages in.
 * Return: the number pinned (possibly fewer than @nr_pages, each to be
 * unpinned), or a negative errno (none pinned).
 */
long kcxx_pin_user_pages_fast(unsigned long start, unsigned long nr_pages,
			      int writable, struct page **pages)
{
	if (nr_pages > INT_MAX)
		return -EINVAL;
	return pin_user_pages_fast(start, (int)nr_pages, writable ? FOLL_WRITE : 0, pages);
}

/**
 * kcxx_unpin_user_pages() - unpin pages from kcxx_pin_user_pages_fast()
 * @pages: the pages
 * @nr_pages: how many were pinned
 * @dirty: nonzero to mark them dirty first (the device wrote them)
 *
 * Context: process context; may sleep (locks the pages when @dirty).
 */
void kcxx_unpin_user_pages(struct page **pages, unsigned long nr_pages, int dirty)
{
	if (dirty)
		unpin_user_pages_dirty_lock(pages, nr_pages, true);
	else
		unpin_user_pages(pages, nr_pages);
}

/**
 * kcxx_sg_alloc_table_from_pages() - a table over @size bytes of @pages
 * @sgt: zeroed table storage
 * @pages: pinned pages
 * @nr_pages: their number
 * @offset: where the data starts in the first page
 * @size: bytes
 * @max_segment: the most one entry may hold (the device's
 *               dma_get_max_seg_size()); rounded down to whole pages
 * @gfp: GFP flags
 *
 * Physically contiguous pages are merged into one entry, up to @max_segment.
 *
 * Return: 0, -EINVAL, or -ENOMEM (nothing to free then).
 */
int kcxx_sg_alloc_table_from_pages(struct sg_table *sgt, struct page **pages,
				   unsigned long nr_pages, unsigned int offset,
				   unsigned long size, unsigned int max_segment, unsigned int gfp)
{
	if (nr_pages > UINT_MAX || max_segment < PAGE_SIZE)
		return -EINVAL;
	return sg_alloc_table_from_pages_segment(sgt, pages, (unsigned int)nr_pages, offset, size,
						 ALIGN_DOWN(max_segment, PAGE_SIZE),
						 (__force gfp_t)gfp);
}
