/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pages<Order>: 2^Order physically contiguous pages from the page allocator;
 * <linux/gfp.h>'s alloc_pages()/__free_pages() for C++.
 *
 * Example (compiled):
 *	inline Result<usize> ring_size()
 *	{
 *		auto ring = TRY(Pages<pages::order_for(64 * 1024)>::try_alloc(gfp::KERNEL | gfp::ZERO));
 *		Span<u8> bytes = ring.bytes(); // ring.size bytes, PAGE_SIZE << Order
 *		return bytes.size();
 *	}
 *
 * The classic bugs cannot be written: the order is part of the type, so the
 * block goes back with the order it came with; a page is the target's
 * PAGE_SIZE (4, 16 or 64 KiB on arm64), never a hard-coded 4096; an order
 * past the allocator's largest does not compile.
 */
#ifndef KCXX_PAGES_H
#define KCXX_PAGES_H

#include <kcxx/bridge/page.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/gfp.h>
#include <kcxx/result.h>
#include <kcxx/span.h>
#include <kcxx/utility.h>

namespace kcxx {

namespace pages {
/// The target kernel's page size.
inline constexpr usize SIZE = KCXX_PAGE_SIZE;
/// The largest order the page allocator hands out.
inline constexpr unsigned int MAX_ORDER = KCXX_MAX_PAGE_ORDER;

/// The smallest order whose block holds `bytes` (0 for 0 bytes).
constexpr unsigned int order_for(usize bytes)
{
	unsigned int order = 0;

	while ((SIZE << order) < bytes)
		order++;
	return order;
}

/// `bytes` rounded up to whole pages.
constexpr usize round_up(usize bytes)
{
	return (bytes + SIZE - 1) & ~(SIZE - 1);
}
} // namespace pages

/**
 * An owned block of 2^Order pages.
 *
 * # Invariants
 * page_ is null only when moved from; otherwise it is the first page of a
 * block this object allocated with order Order, mapped in the kernel's linear
 * map (no highmem flag is ever passed).
 */
template <unsigned int Order> class Pages {
	static_assert(Order <= pages::MAX_ORDER,
		      "Pages<Order>: Order is larger than the page allocator's largest block");

public:
	/// Bytes in the block: PAGE_SIZE << Order.
	static constexpr usize size = pages::SIZE << Order;
	/// Pages in the block.
	static constexpr usize count = usize(1) << Order;

	/// Allocates the block; ENOMEM when the allocator has none.
	static Result<Pages> try_alloc(Gfp flags)
	{
		struct page *page = kcxx_alloc_pages(flags.bits(), Order);

		if (!page)
			return code::ENOMEM;
		return Pages(page);
	}

	Pages(Pages &&other) : page_(exchange(other.page_, nullptr)) {}
	Pages(const Pages &) = delete;
	Pages &operator=(const Pages &) = delete;
	Pages &operator=(Pages &&) = delete;
	~Pages()
	{
		if (page_)
			kcxx_free_pages(page_, Order);
	}

	/// The block's bytes in the kernel's address space.
	Span<u8> bytes() const
	{
		// SAFETY: by the invariant the block is size bytes of lowmem.
		return Span<u8>::unsafe_from_raw(static_cast<u8 *>(kcxx_page_address(page_)), size);
	}

	/// The first struct page, for a bridge call (a user mapping, a scatterlist).
	struct page *raw() const { return page_; }

private:
	explicit Pages(struct page *page) : page_(page) {}

	struct page *page_;
};

} // namespace kcxx

#endif // KCXX_PAGES_H
