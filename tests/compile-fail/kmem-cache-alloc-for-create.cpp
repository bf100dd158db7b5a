// SPDX-License-Identifier: GPL-2.0
// Bug class: kmem_cache_alloc() called where kmem_cache_create() was meant
// (both take similar-looking arguments in C). Creating a cache and allocating
// from one are different operations on different types.
// expect-error: cannot call member function .*try_alloc.* without object
#include <kcxx/kmem_cache.h>

using namespace kcxx;

struct Request {
	int id;
};

Result<void> setup()
{
#ifdef KCXX_COMPILE_FAIL
	auto cache = TRY(KmemCache<Request>::try_alloc(gfp::KERNEL));
#else
	auto cache = TRY(KmemCache<Request>::try_new("requests"));
	auto req = TRY(cache.try_alloc(gfp::KERNEL, Request{ 1 }));
#endif
	return {};
}
