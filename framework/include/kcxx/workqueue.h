/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Deferred work: <linux/workqueue.h>'s work items calling a method of their
 * owner, on the system workqueue or one the driver allocates.
 *
 * Example (compiled):
 *	class Button {
 *	public:
 *		void edge() { debounce_.schedule(20); } // in 20 ms; again: moves it
 *		void debounced() { presses_++; }	// runs in a kernel worker: may sleep
 *
 *	private:
 *		u32 presses_ = 0;
 *		DelayedWork<Button, &Button::debounced> debounce_{
 *			*this, KCXX_LOCK_CLASS("kcxx_button.debounce")
 *		};
 *	};
 *
 * Dropping a work item cancels it and waits for it to finish
 * (cancel_work_sync()): make it a member of its owner, declared after what
 * the method uses, and it cannot run on a gone owner. Work items are
 * Pinned: one cannot be copied or moved out of its owner.
 */
#ifndef KCXX_WORKQUEUE_H
#define KCXX_WORKQUEUE_H

#include <kcxx/box.h>
#include <kcxx/bridge/workqueue.h>
#include <kcxx/context.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/lock_class.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

namespace kcxx {

/// How a WorkQueue runs its items (WQ_*), combined with |.
struct WorkQueueFlags {
	unsigned int bits;

	constexpr WorkQueueFlags operator|(WorkQueueFlags o) const { return { bits | o.bits }; }
};

namespace wq {
inline constexpr WorkQueueFlags none{ 0 };
/// Not bound to the CPU that queued the item (long or CPU-heavy work).
inline constexpr WorkQueueFlags unbound{ KCXX_WQ_UNBOUND };
/// Frozen across suspend.
inline constexpr WorkQueueFlags freezable{ KCXX_WQ_FREEZABLE };
inline constexpr WorkQueueFlags highpri{ KCXX_WQ_HIGHPRI };
/// Guaranteed a worker under memory pressure (work that frees memory).
inline constexpr WorkQueueFlags mem_reclaim{ KCXX_WQ_MEM_RECLAIM };
} // namespace wq

/**
 * A workqueue of the driver's own.
 *
 * # Invariants
 * raw_ is a workqueue this object alone allocated; the destructor runs
 * everything still queued on it, then frees it.
 */
class WorkQueue : Pinned {
public:
	/// Up to `max_active` items at once per CPU (0: the kernel's default).
	static Result<Box<WorkQueue>> try_new(const char *name, WorkQueueFlags flags = wq::none,
					      int max_active = 0)
	{
		struct workqueue_struct *raw = kcxx_alloc_workqueue(name, flags.bits, max_active);
		if (!raw)
			return code::ENOMEM;
		return Box<WorkQueue>::try_new(gfp::KERNEL, raw);
	}

	/// One item at a time, in the order they were queued.
	static Result<Box<WorkQueue>> try_new_ordered(const char *name,
						      WorkQueueFlags flags = wq::none)
	{
		struct workqueue_struct *raw = kcxx_alloc_ordered_workqueue(name, flags.bits);
		if (!raw)
			return code::ENOMEM;
		return Box<WorkQueue>::try_new(gfp::KERNEL, raw);
	}

	explicit WorkQueue(struct workqueue_struct *raw) : raw_(raw) {}
	~WorkQueue() { kcxx_destroy_workqueue(raw_); }

	/// Waits for everything queued so far.
	void flush() KCXX_MAY_SLEEP { kcxx_flush_workqueue(raw_); }

	struct workqueue_struct *raw() const { return raw_; }

private:
	struct workqueue_struct *raw_;
};

/**
 * A work item running Owner::Fn in a kernel worker (process context).
 *
 * # Invariants
 * raw_ is an initialised struct kcxx_work whose context is this object, for
 * its whole life (Pinned); owner_ outlives it. After the destructor's
 * cancel, Fn is not running and will not run.
 */
template <typename Owner, void (Owner::*Fn)()> class Work : Pinned {
public:
	Work(Owner &owner, LockClass &cls) : owner_(owner)
	{
		kcxx_init_work(raw_.get(), &run, this, cls.name(), cls.key());
	}
	~Work() { kcxx_cancel_work_sync(raw_.get()); }

	/// Queues it on the system workqueue; false if it was already queued.
	/// Any context.
	bool schedule() { return kcxx_queue_work(nullptr, raw_.get()); }
	/// Queues it on `queue`.
	bool schedule_on(WorkQueue &queue) { return kcxx_queue_work(queue.raw(), raw_.get()); }

	/// Takes it off its queue and waits for a run in progress; true if it
	/// was queued. Not from Fn itself.
	bool cancel() KCXX_MAY_SLEEP { return kcxx_cancel_work_sync(raw_.get()); }
	/// Waits for the queued or running one to finish.
	bool flush() KCXX_MAY_SLEEP { return kcxx_flush_work(raw_.get()); }

private:
	static void run(void *ctx)
	{
		auto *self = static_cast<Work *>(ctx);
		(self->owner_.*Fn)();
	}

	Opaque<KCXX_SIZEOF_WORK, KCXX_ALIGNOF_WORK> raw_{};
	Owner &owner_;
};

/**
 * A work item that runs a given time after it is scheduled.
 *
 * # Invariants
 * As Work's, for a struct kcxx_delayed_work (its timer included).
 */
template <typename Owner, void (Owner::*Fn)()> class DelayedWork : Pinned {
public:
	DelayedWork(Owner &owner, LockClass &cls) : owner_(owner)
	{
		kcxx_init_delayed_work(raw_.get(), &run, this, cls.name(), cls.key());
	}
	~DelayedWork() { kcxx_cancel_delayed_work_sync(raw_.get()); }

	/// Runs it `ms` from now on the system workqueue; if already scheduled,
	/// moves it to then. True if it was pending. Any context.
	bool schedule(unsigned int ms) { return kcxx_mod_delayed_work(nullptr, raw_.get(), ms); }
	bool schedule_on(WorkQueue &queue, unsigned int ms)
	{
		return kcxx_mod_delayed_work(queue.raw(), raw_.get(), ms);
	}

	/// Disarms it and waits for a run in progress; true if it was pending.
	bool cancel() KCXX_MAY_SLEEP { return kcxx_cancel_delayed_work_sync(raw_.get()); }

private:
	static void run(void *ctx)
	{
		auto *self = static_cast<DelayedWork *>(ctx);
		(self->owner_.*Fn)();
	}

	Opaque<KCXX_SIZEOF_DELAYED_WORK, KCXX_ALIGNOF_DELAYED_WORK> raw_{};
	Owner &owner_;
};

} // namespace kcxx

#endif // KCXX_WORKQUEUE_H
