// SPDX-License-Identifier: GPL-2.0
// Bug class: touching lock-protected data without taking the lock.
// The data lives inside the lock and is reachable only through its guard.
// expect-error: .int kcxx::Lock<int, kcxx::SpinBackend>::data_. is private within this context
#include <kcxx/spinlock.h>

using namespace kcxx;

void bump(SpinLock<int> &counter)
{
#ifdef KCXX_COMPILE_FAIL
	counter.data_ += 1;
#else
	*counter.lock() += 1;
#endif
}
