/* SPDX-License-Identifier: GPL-2.0 */
/*
 * HrTimer: a <linux/hrtimer.h> high-resolution timer that calls a member
 * function of its owner.
 *
 *	class Generator {
 *		TimerRestart tick(TimerExpiry &expiry)
 *		{
 *			emit_one();
 *			expiry.forward_now(period_ns);
 *			return TimerRestart::Yes;
 *		}
 *		HrTimer<Generator, &Generator::tick> timer_{ *this };
 *	};
 *
 * The callback runs in hard interrupt context: it must not sleep, and data it
 * shares with process context belongs in a SpinLockIrq. The destructor
 * cancels the timer and waits for a running callback, so no callback can run
 * on an owner that is gone.
 */
#ifndef KCXX_HRTIMER_H
#define KCXX_HRTIMER_H

#include <kcxx/bridge/hrtimer.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/utility.h>

namespace kcxx {

enum class TimerRestart { No, Yes };

/// Nanoseconds of CLOCK_MONOTONIC.
inline u64 monotonic_ns()
{
	return kcxx_ktime_get_ns();
}

/// What a timer callback gets: the means to schedule its next expiry.
class TimerExpiry {
public:
	/// Moves the expiry to the next multiple of `interval_ns` after now;
	/// returns how many intervals were skipped (at least 1).
	u64 forward_now(u64 interval_ns) { return kcxx_hrtimer_forward_now(raw_, interval_ns); }

private:
	template <typename Owner, TimerRestart (Owner::*)(TimerExpiry &)> friend class HrTimer;
	explicit TimerExpiry(void *raw) : raw_(raw) {}

	void *raw_;
};

/**
 * A timer calling Callback on Owner.
 *
 * # Invariants
 * raw_ is an initialised struct kcxx_hrtimer whose context is this object,
 * for its whole life (Pinned); owner_ outlives it (it is normally a member
 * of the owner). After the destructor's cancel, the callback is not running
 * and will not run.
 */
template <typename Owner, TimerRestart (Owner::*Callback)(TimerExpiry &)> class HrTimer : Pinned {
public:
	explicit HrTimer(Owner &owner) : owner_(owner)
	{
		kcxx_hrtimer_init(raw_.get(), &expired, this);
	}
	~HrTimer() { cancel(); }

	/// Arms the timer to fire `ns` from now (re-arms it if already armed).
	void start(u64 ns) { kcxx_hrtimer_start(raw_.get(), ns); }

	/// Stops the timer and waits for a running callback; true if it was armed.
	/// Not from the callback itself (return TimerRestart::No there).
	bool cancel() { return kcxx_hrtimer_cancel(raw_.get()); }

	bool is_active() { return kcxx_hrtimer_active(raw_.get()); }

private:
	static int expired(void *ctx)
	{
		auto *self = static_cast<HrTimer *>(ctx);
		TimerExpiry expiry(self->raw_.get());

		return (self->owner_.*Callback)(expiry) == TimerRestart::Yes;
	}

	Opaque<KCXX_SIZEOF_HRTIMER, KCXX_ALIGNOF_HRTIMER> raw_{};
	Owner &owner_;
};

} // namespace kcxx

#endif // KCXX_HRTIMER_H
