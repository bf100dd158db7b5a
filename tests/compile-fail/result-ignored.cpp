// SPDX-License-Identifier: GPL-2.0
// Bug class: an error return silently dropped (C's unchecked int return).
// A Result is [[nodiscard]]: ignoring one does not compile.
// expect-error: ignoring returned value of type .*Result.*nodiscard
#include <kcxx/result.h>

using namespace kcxx;

Result<int> might_fail(int x)
{
	if (x < 0)
		return code::EINVAL;
	return x;
}

Result<int> caller()
{
#ifdef KCXX_COMPILE_FAIL
	might_fail(1);
	return 0;
#else
	return TRY(might_fail(1)) + 1;
#endif
}
