// SPDX-License-Identifier: GPL-2.0
// Bug class: every lock in one lockdep class, so lockdep reports nested
// locks as recursion and cannot tell real inversions apart. A lock is made
// with the class of the place that defines it, or not at all.
// expect-error: no matching function for call to .kcxx::Lock<int, kcxx::SpinBackend>::Lock\(\).
#include <kcxx/spinlock.h>

using namespace kcxx;

struct Counter {
#ifdef KCXX_COMPILE_FAIL
	SpinLock<int> count;
#else
	SpinLock<int> count{ KCXX_LOCK_CLASS("compile_fail.count") };
#endif
};

int count_once()
{
	Counter c;
	return *c.count.lock();
}
