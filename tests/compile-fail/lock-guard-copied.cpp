// SPDX-License-Identifier: GPL-2.0
// Bug class: unlocking twice, or using data after the unlock, through a copy
// of the proof that the lock is held. Guards cannot be copied.
// expect-error: use of deleted function .kcxx::detail::LockGuard<kcxx::Lock<int, kcxx::MutexBackend>, int, bool>::LockGuard\(const kcxx::detail::LockGuard<kcxx::Lock<int, kcxx::MutexBackend>, int, bool>&\).
#include <kcxx/mutex.h>

using namespace kcxx;

int read(Mutex<int> &m)
{
	auto guard = m.lock();
#ifdef KCXX_COMPILE_FAIL
	auto copy = guard;
	return *copy;
#else
	return *guard;
#endif
}
