// SPDX-License-Identifier: GPL-2.0
// clang-tidy fixture: bugprone code that compiles cleanly.
//
// lint-expect: :15: .*repeated branch in conditional chain \[bugprone-branch-clone
// lint-expect: :25: .*loop variable has narrower type .*u8.*\[bugprone-too-small-loop-variable
// lint-expect: :32: .*suspicious usage of 'sizeof\(this\)'.*\[bugprone-sizeof-expression
#include <kcxx/types.h>

using kcxx::u32;
using kcxx::usize;

int mode_to_speed(int mode)
{
	if (mode == 1)
		return 100;
	else if (mode == 2)
		return 100;
	return 0;
}

u32 sum(const u32 *v, u32 n)
{
	u32 total = 0;

	for (kcxx::u8 i = 0; i < n; i++)
		total += v[i];
	return total;
}

struct Regs {
	u32 ctrl, status;
	usize size() const { return sizeof(this); }
};
