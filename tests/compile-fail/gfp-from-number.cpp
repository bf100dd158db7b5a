// SPDX-License-Identifier: GPL-2.0
// Bug class: allocation flags that are not flags (a size, a stray int or a
// GFP value of another kernel version). Only the named combinations exist.
// expect-error: .constexpr kcxx::Gfp::Gfp\(unsigned int\). is private within this context
#include <kcxx/box.h>

using namespace kcxx;

Result<Box<int>> make()
{
#ifdef KCXX_COMPILE_FAIL
	return Box<int>::try_new(Gfp(0x400), 1);
#else
	return Box<int>::try_new(gfp::KERNEL | gfp::ZERO, 1);
#endif
}
