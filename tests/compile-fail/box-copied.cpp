// SPDX-License-Identifier: GPL-2.0
// Bug class: two owners of one allocation (double kfree, use after free).
// A Box cannot be copied, only moved.
// expect-error: use of deleted function .*Box<T>::Box\(const kcxx::Box<T>&\) \[with T = int\]
#include <kcxx/box.h>

using namespace kcxx;

Result<void> twice()
{
	Box<int> first = TRY(Box<int>::try_new(gfp::KERNEL, 1));
#ifdef KCXX_COMPILE_FAIL
	Box<int> second = first;
#else
	Box<int> second = move(first);
#endif
	return {};
}
