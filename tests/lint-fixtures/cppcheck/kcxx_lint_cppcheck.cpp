// SPDX-License-Identifier: GPL-2.0
// cppcheck fixture: an out-of-bounds write and a null pointer dereference.
//
//
// lint-expect: :14: .*\[arrayIndexOutOfBounds\]
// lint-expect: :24: .*\[nullPointer\]
#include <kcxx/types.h>

using kcxx::u32;

u32 out_of_bounds(u32 v)
{
	u32 regs[4] = {};
	regs[4] = v;
	return regs[0];
}

u32 null_deref(bool ready)
{
	u32 *status = nullptr;

	if (ready)
		return 1;
	return *status;
}
