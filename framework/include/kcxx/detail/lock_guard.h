/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guard every kcxx lock hands out (SpinLock, SpinLockIrq, Mutex).
 */
#ifndef KCXX_DETAIL_LOCK_GUARD_H
#define KCXX_DETAIL_LOCK_GUARD_H

#include <kcxx/thread_safety.h>
#include <kcxx/utility.h>

namespace kcxx::detail {

/**
 * Proof that a lock is held, and the only way to the data it protects; the
 * lock is released when the guard is dropped. Lock gives its friends
 * `static T &data(Lock &)` and `static void unlock(Lock &, State)`; State is
 * what unlocking needs (the saved interrupt state for SpinLockIrq).
 *
 * # Invariants
 * lock_ is null (moved from) or a lock this guard holds.
 */
template <typename Lock, typename T, typename State> class LockGuardBase {
public:
	LockGuardBase(LockGuardBase &&other)
		: lock_(exchange(other.lock_, nullptr)), state_(other.state_)
	{
	}
	LockGuardBase(const LockGuardBase &) = delete;
	LockGuardBase &operator=(const LockGuardBase &) = delete;
	LockGuardBase &operator=(LockGuardBase &&) = delete;
	~LockGuardBase()
	{
		if (lock_)
			Lock::unlock(*lock_, state_);
	}

	T *operator->() KCXX_NO_THREAD_SAFETY_ANALYSIS { return &Lock::data(*lock_); }
	T &operator*() KCXX_NO_THREAD_SAFETY_ANALYSIS { return Lock::data(*lock_); }

protected:
	// The caller has just taken `lock`.
	LockGuardBase(Lock *lock, State state) : lock_(lock), state_(state) {}

private:
	Lock *lock_;
	State state_;
};

/// The guard of lock(): a scoped capability, so clang's thread-safety
/// analysis knows the lock is held while it lives.
template <typename Lock, typename T, typename State = bool>
class [[nodiscard]] KCXX_SCOPED_CAPABILITY LockGuard : public LockGuardBase<Lock, T, State> {
public:
	LockGuard(LockGuard &&) = default;
	~LockGuard() KCXX_RELEASE() {}

private:
	friend Lock;
	LockGuard(Lock *lock, State state) KCXX_ACQUIRE(lock)
		: LockGuardBase<Lock, T, State>(lock, state)
	{
	}
};

/// The guard of a fallible acquisition (try_lock(), lock_interruptible()):
/// it travels inside a Result, which the analysis cannot follow, so it is not
/// a capability to it. The data is still reachable only through the guard.
template <typename Lock, typename T, typename State = bool> class [[nodiscard]] TriedLockGuard
	: public LockGuardBase<Lock, T, State> {
public:
	TriedLockGuard(TriedLockGuard &&) = default;

private:
	friend Lock;
	TriedLockGuard(Lock *lock, State state) : LockGuardBase<Lock, T, State>(lock, state) {}
};

} // namespace kcxx::detail

#endif // KCXX_DETAIL_LOCK_GUARD_H
