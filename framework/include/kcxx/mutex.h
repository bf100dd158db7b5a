/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mutex<T>: a <linux/mutex.h> mutex that owns the data it protects. Holders
 * may sleep; taking it needs process context.
 */
#ifndef KCXX_MUTEX_H
#define KCXX_MUTEX_H

#include <kcxx/bridge/sync.h>
#include <kcxx/detail/lock_guard.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/result.h>
#include <kcxx/thread_safety.h>
#include <kcxx/utility.h>

namespace kcxx {

/**
 * A sleeping lock owning a T.
 *
 * # Invariants
 * raw_ is an initialised struct mutex for the object's whole life (Pinned);
 * data_ is touched only through a Guard, which exists only while raw_ is held
 * by the task that made it.
 */
template <typename T> class KCXX_CAPABILITY("mutex") Mutex : Pinned {
public:
	template <typename... Args> explicit Mutex(Args &&...args) : data_(forward<Args>(args)...)
	{
		// SAFETY: raw_ is storage of the size and alignment of a struct mutex.
		kcxx_mutex_init(raw_.get());
	}
	~Mutex() { kcxx_mutex_destroy(raw_.get()); }

	/// Proof that the mutex is held, and the only way to the data.
	using Guard = detail::LockGuard<Mutex, T>;
	/// The guard of try_lock() and lock_interruptible().
	using TriedGuard = detail::TriedLockGuard<Mutex, T>;

	/// Takes the mutex, sleeping as long as it takes.
	[[nodiscard]] Guard lock() KCXX_ACQUIRE()
	{
		kcxx_mutex_lock(raw_.get());
		return Guard(this, {});
	}

	/// Takes the mutex unless a signal arrives first (then -EINTR).
	Result<TriedGuard> lock_interruptible()
	{
		TRY(to_result(kcxx_mutex_lock_interruptible(raw_.get())));
		return TriedGuard(this, {});
	}

	/// Takes the mutex if it is free, else -EBUSY; never sleeps.
	Result<TriedGuard> try_lock()
	{
		if (!kcxx_mutex_trylock(raw_.get()))
			return code::EBUSY;
		return TriedGuard(this, {});
	}

private:
	friend detail::LockGuardBase<Mutex, T, bool>;
	friend Guard;
	friend TriedGuard;
	static T &data(Mutex &m) KCXX_NO_THREAD_SAFETY_ANALYSIS { return m.data_; }
	static void unlock(Mutex &m, bool) { kcxx_mutex_unlock(m.raw_.get()); }

	Opaque<KCXX_SIZEOF_MUTEX, KCXX_ALIGNOF_MUTEX> raw_;
	T data_ KCXX_GUARDED_BY(this);
};

} // namespace kcxx

#endif // KCXX_MUTEX_H
