/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mutex<T>: a <linux/mutex.h> mutex that owns the data it protects
 * (Lock<T, Backend>, lock.h). Holders may sleep; taking it needs process
 * context.
 *
 * Example (compiled):
 *	struct Config {
 *		u32 timeout_ms = 100;
 *	};
 *
 *	struct Dma {
 *		Mutex<Config> config_{ KCXX_LOCK_CLASS("kcxx_dma.config"), Config{} };
 *
 *		Result<u32> timeout()
 *		{
 *			auto c = TRY(config_.lock_interruptible()); // EINTR on a signal
 *			return c->timeout_ms;
 *		}
 *	};
 */
#ifndef KCXX_MUTEX_H
#define KCXX_MUTEX_H

#include <kcxx/bridge/sync.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/lock.h>

namespace kcxx {

/// mutex_lock()/mutex_unlock() on a struct mutex.
struct MutexBackend {
	using Storage = Opaque<KCXX_SIZEOF_MUTEX, KCXX_ALIGNOF_MUTEX>;
	using State = bool; // nothing to restore
	static constexpr bool may_sleep = true;
	static constexpr bool atomic_ok = false;

	static void init(void *raw, LockClass &cls) { kcxx_mutex_init(raw, cls.name(), cls.key()); }
	static void destroy(void *raw) { kcxx_mutex_destroy(raw); }
	static State lock(void *raw)
	{
		kcxx_mutex_lock(raw);
		return true;
	}
	static int lock_interruptible(void *raw, State &)
	{
		return kcxx_mutex_lock_interruptible(raw);
	}
	static bool try_lock(void *raw, State &) { return kcxx_mutex_trylock(raw); }
	static void unlock(void *raw, State) { kcxx_mutex_unlock(raw); }
};

/// A sleeping lock owning a T.
template <typename T> using Mutex = Lock<T, MutexBackend>;

} // namespace kcxx

#endif // KCXX_MUTEX_H
