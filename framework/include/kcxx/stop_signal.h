/* SPDX-License-Identifier: GPL-2.0 */
/*
 * StopSignal: "stop what you are waiting for", raised once by an owner that
 * is going away (a driver unbinding, a device revoking its files) and seen
 * by every wait that was given it.
 *
 * Example (compiled):
 *	struct Driver {
 *		Atomic<u32> ready{ 0 };
 *		StopSignal stop_; // in the driver's state
 *
 *		Result<void> wait_ready()
 *		{
 *			TRY(stop_.queue().wait_interruptible(
 *				[&] { return ready.load() != 0 || stop_.raised(); }));
 *			if (stop_.raised())
 *				return code::ECANCELED;
 *			return {};
 *		}
 *
 *		~Driver() { stop_.raise(); } // first thing on unbind
 *	};
 */
#ifndef KCXX_STOP_SIGNAL_H
#define KCXX_STOP_SIGNAL_H

#include <kcxx/atomic.h>
#include <kcxx/wait_queue.h>

namespace kcxx {

/**
 * A flag raised at most once, and the queue its waiters sleep on.
 *
 * # Invariants
 * raised_ goes from 0 to 1 once; queue_ is woken right after, so a waiter
 * whose predicate includes raised() cannot sleep through it.
 */
class StopSignal : Pinned {
public:
	StopSignal() = default;

	/// Raises the signal and wakes every waiter. Any context.
	void raise()
	{
		raised_.store_release(1);
		queue_.wake_up_all();
	}

	bool raised() const { return raised_.load_acquire() != 0; }

	/// Where waits that must notice the signal sleep; also woken by
	/// whatever they wait for (a DMA callback, a writer).
	WaitQueue &queue() { return queue_; }

private:
	Atomic<u32> raised_{ 0 };
	WaitQueue queue_;
};

} // namespace kcxx

#endif // KCXX_STOP_SIGNAL_H
