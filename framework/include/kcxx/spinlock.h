/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SpinLock<T> and SpinLockIrq<T>: <linux/spinlock.h> locks that own the data
 * they protect.
 *
 *	SpinLock<Stats> stats;
 *	{
 *		auto s = stats.lock();	// spin_lock()
 *		s->tx++;
 *	}				// spin_unlock()
 *
 * The data is reachable only through a guard, and the guard unlocks when it
 * goes out of scope: touching the data unlocked, or forgetting the unlock on
 * an error path, does not compile or cannot happen.
 */
#ifndef KCXX_SPINLOCK_H
#define KCXX_SPINLOCK_H

#include <kcxx/bridge/sync.h>
#include <kcxx/detail/lock_guard.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/thread_safety.h>
#include <kcxx/utility.h>

namespace kcxx {

/**
 * A spinlock owning a T. Holders must not sleep; interrupt handlers that take
 * the same data need SpinLockIrq instead.
 *
 * # Invariants
 * raw_ is an initialised spinlock_t for the whole life of the object (Pinned:
 * the kernel object never moves); data_ is touched only by a Guard, which
 * exists only while raw_ is held.
 */
template <typename T> class KCXX_CAPABILITY("spinlock") SpinLock : Pinned {
public:
	template <typename... Args> explicit SpinLock(Args &&...args) : data_(forward<Args>(args)...)
	{
		// SAFETY: raw_ is storage of the size and alignment of a spinlock_t.
		kcxx_spin_lock_init(raw_.get());
	}

	/// Proof that the lock is held, and the only way to the data.
	using Guard = detail::LockGuard<SpinLock, T>;

	/// Takes the lock; released when the guard is dropped.
	[[nodiscard]] Guard lock() KCXX_ACQUIRE()
	{
		kcxx_spin_lock(raw_.get());
		return Guard(this, {});
	}

private:
	friend detail::LockGuardBase<SpinLock, T, bool>;
	friend Guard;
	static T &data(SpinLock &l) KCXX_NO_THREAD_SAFETY_ANALYSIS { return l.data_; }
	static void unlock(SpinLock &l, bool) { kcxx_spin_unlock(l.raw_.get()); }

	Opaque<KCXX_SIZEOF_SPINLOCK, KCXX_ALIGNOF_SPINLOCK> raw_;
	T data_ KCXX_GUARDED_BY(this);
};

/**
 * A spinlock owning a T, taken with local interrupts disabled
 * (spin_lock_irqsave): for data shared with interrupt handlers or hrtimers.
 *
 * # Invariants
 * As SpinLock; additionally a Guard holds the interrupt state to restore.
 */
template <typename T> class KCXX_CAPABILITY("spinlock") SpinLockIrq : Pinned {
public:
	template <typename... Args> explicit SpinLockIrq(Args &&...args) : data_(forward<Args>(args)...)
	{
		// SAFETY: raw_ is storage of the size and alignment of a spinlock_t.
		kcxx_spin_lock_init(raw_.get());
	}

	using Guard = detail::LockGuard<SpinLockIrq, T, unsigned long>;

	/// Takes the lock with local interrupts off; both restored when the
	/// guard is dropped.
	[[nodiscard]] Guard lock() KCXX_ACQUIRE()
	{
		unsigned long flags = kcxx_spin_lock_irqsave(raw_.get());

		return Guard(this, flags);
	}

private:
	friend detail::LockGuardBase<SpinLockIrq, T, unsigned long>;
	friend Guard;
	static T &data(SpinLockIrq &l) KCXX_NO_THREAD_SAFETY_ANALYSIS { return l.data_; }
	static void unlock(SpinLockIrq &l, unsigned long flags)
	{
		kcxx_spin_unlock_irqrestore(l.raw_.get(), flags);
	}

	Opaque<KCXX_SIZEOF_SPINLOCK, KCXX_ALIGNOF_SPINLOCK> raw_;
	T data_ KCXX_GUARDED_BY(this);
};

} // namespace kcxx

#endif // KCXX_SPINLOCK_H
