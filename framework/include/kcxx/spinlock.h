/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SpinLock<T> and SpinLockIrq<T>: <linux/spinlock.h> locks that own the data
 * they protect (Lock<T, Backend>, lock.h).
 *
 * Example (compiled):
 *	struct Fifo {
 *		usize len = 0;
 *	};
 *
 *	struct Uart {
 *		SpinLockIrq<Fifo> fifo_{ KCXX_LOCK_CLASS("kcxx_uart.fifo") };
 *
 *		usize queued() { return fifo_.lock()->len; } // unlocked at the ;
 *	};
 *
 * Holders must not sleep. Data an interrupt handler or an hrtimer also takes
 * needs SpinLockIrq, which keeps local interrupts off while it is held.
 */
#ifndef KCXX_SPINLOCK_H
#define KCXX_SPINLOCK_H

#include <kcxx/bridge/sync.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/lock.h>

namespace kcxx {

/// spin_lock()/spin_unlock() on a spinlock_t.
struct SpinBackend {
	using Storage = Opaque<KCXX_SIZEOF_SPINLOCK, KCXX_ALIGNOF_SPINLOCK>;
	using State = bool; // nothing to restore
	static constexpr bool may_sleep = false;
	static constexpr bool atomic_ok = false; // use SpinIrqBackend there

	static void init(void *raw, LockClass &cls) { kcxx_spin_lock_init(raw, cls.name(), cls.key()); }
	static void destroy(void *) {}
	static State lock(void *raw)
	{
		kcxx_spin_lock(raw);
		return true;
	}
	static bool try_lock(void *raw, State &) { return kcxx_spin_trylock(raw); }
	static void unlock(void *raw, State) { kcxx_spin_unlock(raw); }
};

/// spin_lock_irqsave()/spin_unlock_irqrestore(): the guard holds the flags.
struct SpinIrqBackend {
	using Storage = SpinBackend::Storage;
	using State = unsigned long; // the interrupt state to restore
	static constexpr bool may_sleep = false;
	static constexpr bool atomic_ok = true;

	static void init(void *raw, LockClass &cls) { SpinBackend::init(raw, cls); }
	static void destroy(void *) {}
	static State lock(void *raw) { return kcxx_spin_lock_irqsave(raw); }
	static bool try_lock(void *raw, State &flags) { return kcxx_spin_trylock_irqsave(raw, &flags); }
	static void unlock(void *raw, State flags) { kcxx_spin_unlock_irqrestore(raw, flags); }
};

/// A spinlock owning a T. Holders must not sleep.
template <typename T> using SpinLock = Lock<T, SpinBackend>;

/// A spinlock owning a T, held with local interrupts off: for data shared
/// with interrupt handlers and hrtimers.
template <typename T> using SpinLockIrq = Lock<T, SpinIrqBackend>;

} // namespace kcxx

#endif // KCXX_SPINLOCK_H
