// SPDX-License-Identifier: GPL-2.0
// Bug class: a lock taken and dropped on the same line, leaving the data
// unprotected (C: spin_lock without the critical section it was for).
// The guard is [[nodiscard]].
// expect-error: ignoring return value of .*lock\(\).*nodiscard
#include <kcxx/spinlock.h>

using namespace kcxx;

void touch(SpinLock<int> &counter)
{
#ifdef KCXX_COMPILE_FAIL
	counter.lock();
#else
	auto held = counter.lock();
	*held = 0;
#endif
}
