/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Lock<T, Backend>: a kernel lock that owns the data it protects. The
 * backends are the kernel's lock kinds: SpinBackend (spinlock.h,
 * spin_lock), SpinIrqBackend (spinlock.h, spin_lock_irqsave) and
 * MutexBackend (mutex.h); SpinLock<T>, SpinLockIrq<T> and Mutex<T> name
 * them.
 *
 *	SpinLock<Stats> stats_{ KCXX_LOCK_CLASS("kcxx_leds.stats") };
 *	{
 *		auto s = stats_.lock();	// spin_lock()
 *		s->tx++;
 *	}				// spin_unlock()
 *
 * The data is reachable only through a guard, and the guard unlocks when it
 * goes out of scope: touching the data unlocked, or forgetting the unlock on
 * an error path, does not compile or cannot happen. Every lock is created
 * with the lockdep class of the place that defines it (lock_class.h).
 */
#ifndef KCXX_LOCK_H
#define KCXX_LOCK_H

#include <kcxx/context.h>
#include <kcxx/detail/lock_guard.h>
#include <kcxx/lock_class.h>
#include <kcxx/result.h>
#include <kcxx/thread_safety.h>
#include <kcxx/utility.h>

namespace kcxx {

/**
 * A lock of kind Backend owning a T.
 *
 * Backend provides `Storage` (the kernel object's opaque storage), `State`
 * (what unlocking needs back, e.g. the saved interrupt flags), `may_sleep`,
 * `atomic_ok` (whether it may be taken in atomic context),
 * and static `init(void *, LockClass &)`, `destroy(void *)`,
 * `lock(void *) -> State`, `try_lock(void *, State &) -> bool` and
 * `unlock(void *, State)`; a sleeping backend also
 * `lock_interruptible(void *, State &) -> int` (0 or -EINTR).
 *
 * # Invariants
 * raw_ is an initialised kernel lock for the whole life of the object
 * (Pinned: the kernel object never moves); data_ is touched only by a
 * guard, which exists only while raw_ is held.
 */
template <typename T, typename Backend> class KCXX_CAPABILITY("lock") Lock : Pinned {
	using State = typename Backend::State;

public:
	template <typename... Args> explicit Lock(LockClass &cls, Args &&...args)
		: data_(forward<Args>(args)...)
	{
		// SAFETY: raw_ is storage of the kernel lock's size and alignment,
		// and cls has static storage (LockClass's invariant).
		Backend::init(raw_.get(), cls);
	}
	~Lock() { Backend::destroy(raw_.get()); }

	/// Proof that the lock is held, and the only way to the data.
	using Guard = detail::LockGuard<Lock, T, State>;
	/// The guard of try_lock() and lock_interruptible().
	using TriedGuard = detail::TriedLockGuard<Lock, T, State>;

	/// Takes the lock (for a mutex, sleeping as long as it takes); released
	/// when the guard is dropped. In atomic context (an interrupt handler,
	/// a timer callback: KCXX_ATOMIC) only a lock that keeps interrupts off
	/// may be taken, SpinLockIrq: the thread-safety gate refuses the others
	/// there (a mutex sleeps; a plain spinlock that process context holds
	/// with interrupts on deadlocks against the handler).
	// (The attributes lead: clang takes none between a declarator and
	// its requires-clause.)
	[[nodiscard]] KCXX_ACQUIRE() Guard lock()
		requires(Backend::atomic_ok)
	{
		return Guard(this, Backend::lock(raw_.get()));
	}
	[[nodiscard]] KCXX_ACQUIRE() KCXX_PROCESS_CONTEXT Guard lock()
		requires(!Backend::atomic_ok)
	{
		return Guard(this, Backend::lock(raw_.get()));
	}

	/// Takes the lock if it is free, else -EBUSY; never sleeps or spins.
	Result<TriedGuard> try_lock()
	{
		State state{};

		if (!Backend::try_lock(raw_.get(), state))
			return code::EBUSY;
		return TriedGuard(this, state);
	}

	/// Takes a sleeping lock unless a signal arrives first (then -EINTR).
	KCXX_MAY_SLEEP Result<TriedGuard> lock_interruptible()
		requires(Backend::may_sleep)
	{
		State state{};

		TRY(to_result(Backend::lock_interruptible(raw_.get(), state)));
		return TriedGuard(this, state);
	}

private:
	friend detail::LockGuardBase<Lock, T, State>;
	friend Guard;
	friend TriedGuard;
	static T &data(Lock &l) KCXX_NO_THREAD_SAFETY_ANALYSIS { return l.data_; }
	static void unlock(Lock &l, State state) { Backend::unlock(l.raw_.get(), state); }

	typename Backend::Storage raw_;
	T data_ KCXX_GUARDED_BY(this);
};

} // namespace kcxx

#endif // KCXX_LOCK_H
