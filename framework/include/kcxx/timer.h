/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Timer<Owner, Fn>: a <linux/timer.h> timer_list calling a method of its
 * owner, at jiffy resolution, in softirq context (atomic: the method may
 * not sleep; mark it KCXX_ATOMIC). For finer timing there is HrTimer.
 *
 * Example (compiled):
 *	#include <kcxx/atomic.h>
 *
 *	class Watchdog {
 *	public:
 *		void pet() { timer_.start(500); } // in 500 ms (again: moves it)
 *		void expired() KCXX_ATOMIC { barks_.add(1); }
 *
 *	private:
 *		Atomic<u32> barks_{ 0 };
 *		Timer<Watchdog, &Watchdog::expired> timer_{ *this, KCXX_LOCK_CLASS("kcxx_wd.timer") };
 *	};
 *
 * Dropping it disarms it and waits for a running callback.
 */
#ifndef KCXX_TIMER_H
#define KCXX_TIMER_H

#include <kcxx/bridge/workqueue.h>
#include <kcxx/context.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/lock_class.h>
#include <kcxx/utility.h>

namespace kcxx {

/**
 * A timer_list calling Owner::Fn.
 *
 * # Invariants
 * raw_ is an initialised struct kcxx_timer whose context is this object,
 * for its whole life (Pinned); owner_ outlives it. After the destructor's
 * delete, Fn is not running and the timer is not armed.
 */
template <typename Owner, void (Owner::*Fn)()> class Timer : Pinned {
public:
	Timer(Owner &owner, LockClass &cls) : owner_(owner)
	{
		kcxx_timer_init(raw_.get(), &expired, this, cls.name(), cls.key());
	}
	~Timer() { kcxx_timer_delete_sync(raw_.get()); }

	/// Arms it `ms` from now (moves it if armed); true if it was armed.
	/// Any context, the callback included.
	bool start(unsigned int ms) { return kcxx_timer_mod(raw_.get(), ms); }

	/// Disarms it and waits for a running callback; true if it was armed.
	/// Not from the callback.
	bool cancel() { return kcxx_timer_delete_sync(raw_.get()); }

	bool is_pending() { return kcxx_timer_pending(raw_.get()); }

private:
	static void expired(void *ctx) KCXX_NO_THREAD_SAFETY_ANALYSIS
	{
		auto *self = static_cast<Timer *>(ctx);
		(self->owner_.*Fn)();
	}

	Opaque<KCXX_SIZEOF_TIMER, KCXX_ALIGNOF_TIMER> raw_{};
	Owner &owner_;
};

} // namespace kcxx

#endif // KCXX_TIMER_H
