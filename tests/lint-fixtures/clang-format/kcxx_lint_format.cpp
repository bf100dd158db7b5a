// SPDX-License-Identifier: GPL-2.0
// clang-format fixture: spaces for indentation, a brace on the wrong line
// and a cramped operator.
//
// lint-expect: :11: .*code should be clang-formatted
// lint-expect: :12: .*code should be clang-formatted
// lint-expect: :14: .*code should be clang-formatted
namespace fixture {

int scale(int x)
{
    return x*2;
}
int clamp(int x) {
	return x > 10 ? 10 : x;
}

} // namespace fixture
