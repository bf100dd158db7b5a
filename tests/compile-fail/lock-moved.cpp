// SPDX-License-Identifier: GPL-2.0
// Bug class: a kernel lock copied or moved while the kernel links to it
// (a struct mutex has a wait list pointing into itself). Locks are pinned.
// expect-error: use of deleted function .*Lock<int, kcxx::MutexBackend>::Lock\(const kcxx::Lock<int, kcxx::MutexBackend>&\)|use of deleted function .*Pinned
#include <kcxx/mutex.h>

using namespace kcxx;

struct State {
	Mutex<int> lock{ KCXX_LOCK_CLASS("compile_fail.lock"), 0 };
};

void clone(State &s)
{
#ifdef KCXX_COMPILE_FAIL
	State copy = s;
	(void)copy;
#else
	*s.lock.lock() = 1;
#endif
}
