// SPDX-License-Identifier: GPL-2.0
// Bug class: asking the page allocator for a block larger than it has
// (alloc_pages(gfp, 20) fails at run time, with a warning, on every kernel).
// The order is part of the type and is checked against the target's largest.
// expect-error: static assertion failed: Pages<Order>: Order is larger than the page allocator's largest block
#include <kcxx/pages.h>

using namespace kcxx;

usize block_bytes();

usize block_bytes()
{
#ifdef KCXX_COMPILE_FAIL
	return Pages<pages::MAX_ORDER + 1>::size;
#else
	return Pages<pages::MAX_ORDER>::size;
#endif
}
