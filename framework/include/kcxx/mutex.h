/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mutex<T>: a <linux/mutex.h> mutex that owns the data it protects. Holders
 * may sleep; taking it needs process context.
 */
#ifndef KCXX_MUTEX_H
#define KCXX_MUTEX_H

#include <kcxx/bridge/sync.h>
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

	class [[nodiscard]] KCXX_SCOPED_CAPABILITY Guard {
	public:
		Guard(Guard &&other) : lock_(exchange(other.lock_, nullptr)) {}
		Guard(const Guard &) = delete;
		Guard &operator=(const Guard &) = delete;
		Guard &operator=(Guard &&) = delete;
		~Guard() KCXX_RELEASE()
		{
			if (lock_)
				kcxx_mutex_unlock(lock_->raw_.get());
		}

		T *operator->() KCXX_NO_THREAD_SAFETY_ANALYSIS { return &lock_->data_; }
		T &operator*() KCXX_NO_THREAD_SAFETY_ANALYSIS { return lock_->data_; }

	private:
		friend class Mutex;
		// The caller has taken raw_.
		explicit Guard(Mutex *lock) KCXX_ACQUIRE(lock) : lock_(lock) {}

		Mutex *lock_;
	};

	/// Takes the mutex, sleeping as long as it takes.
	[[nodiscard]] Guard lock() KCXX_ACQUIRE()
	{
		kcxx_mutex_lock(raw_.get());
		return Guard(this);
	}

	/// Takes the mutex unless a signal arrives first (then -EINTR).
	Result<Guard> lock_interruptible() KCXX_NO_THREAD_SAFETY_ANALYSIS
	{
		TRY(to_result(kcxx_mutex_lock_interruptible(raw_.get())));
		return Guard(this);
	}

	/// Takes the mutex if it is free, else -EBUSY; never sleeps.
	Result<Guard> try_lock() KCXX_NO_THREAD_SAFETY_ANALYSIS
	{
		if (!kcxx_mutex_trylock(raw_.get()))
			return code::EBUSY;
		return Guard(this);
	}

private:
	Opaque<KCXX_SIZEOF_MUTEX, KCXX_ALIGNOF_MUTEX> raw_;
	T data_ KCXX_GUARDED_BY(this);
};

} // namespace kcxx

#endif // KCXX_MUTEX_H
