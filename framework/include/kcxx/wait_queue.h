/* SPDX-License-Identifier: GPL-2.0 */
/*
 * WaitQueue: <linux/wait.h>'s wait queues with predicate waits, and
 * FasyncList, the SIGIO subscribers of <linux/fs.h>.
 *
 *	TRY(queue.wait_interruptible([&] { return !fifo.lock()->empty(); }));
 *	...
 *	queue.wake_up_interruptible();
 */
#ifndef KCXX_WAIT_QUEUE_H
#define KCXX_WAIT_QUEUE_H

#include <kcxx/bridge/wait.h>
#include <kcxx/context.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

namespace kcxx {

/**
 * A wait_queue_head.
 *
 * # Invariants
 * raw_ is an initialised wait_queue_head for the object's life (Pinned).
 *
 * The waits re-check their predicate after every wake-up, as the kernel's
 * wait_event() does, so a spurious wake-up cannot end a wait early. The
 * predicate runs with the task already marked as sleeping: it must not sleep
 * itself (no Mutex, no user copy); an Atomic or a SpinLock is fine.
 */
class WaitQueue : Pinned {
public:
	WaitQueue() { kcxx_init_waitqueue_head(raw_.get()); }

	void wake_up() { kcxx_wake_up(raw_.get()); }
	void wake_up_all() { kcxx_wake_up_all(raw_.get()); }
	void wake_up_interruptible() { kcxx_wake_up_interruptible(raw_.get()); }

	/// Sleeps until cond() is true, ignoring signals. Process context; cond
	/// must not sleep.
	template <typename Cond> void wait(Cond cond) KCXX_MAY_SLEEP
	{
		kcxx_wait_event(raw_.get(), &call<Cond>, &cond);
	}

	/// Sleeps until cond() is true, or -ERESTARTSYS when a signal arrives.
	template <typename Cond> Result<void> wait_interruptible(Cond cond) KCXX_MAY_SLEEP
	{
		return to_result(kcxx_wait_event_interruptible(raw_.get(), &call<Cond>, &cond));
	}

	/// As wait_interruptible(), giving up with -ETIMEDOUT after `msecs`.
	template <typename Cond>
	Result<void> wait_interruptible_timeout(Cond cond, unsigned int msecs) KCXX_MAY_SLEEP
	{
		long left = kcxx_wait_event_interruptible_timeout(raw_.get(), &call<Cond>, &cond, msecs);

		if (left < 0)
			return Error::from_errno(static_cast<int>(left));
		if (left == 0)
			return code::ETIMEDOUT;
		return {};
	}

	void *raw() { return raw_.get(); }

private:
	template <typename Cond> static int call(void *ctx) { return (*static_cast<Cond *>(ctx))() ? 1 : 0; }

	Opaque<KCXX_SIZEOF_WAIT_QUEUE_HEAD, KCXX_ALIGNOF_WAIT_QUEUE_HEAD> raw_;
};

/**
 * The processes that asked for SIGIO (O_ASYNC) on a device.
 *
 * # Invariants
 * list_ is the kernel's fasync list, changed only by fasync_helper().
 */
class FasyncList : Pinned {
public:
	FasyncList() = default;

	/// Adds or removes a file, as a .fasync file operation must.
	Result<void> update(int fd, struct file *file, bool on)
	{
		int ret = kcxx_fasync_helper(fd, file, on ? 1 : 0, &list_);

		return ret < 0 ? Result<void>(Error::from_errno(ret)) : Result<void>();
	}

	/// Sends SIGIO with POLL_IN: there is data to read.
	void notify_readable() { kcxx_kill_fasync(&list_, KCXX_SIGIO, KCXX_POLL_IN); }
	/// Sends SIGIO with POLL_OUT: there is room to write.
	void notify_writable() { kcxx_kill_fasync(&list_, KCXX_SIGIO, KCXX_POLL_OUT); }

private:
	struct fasync_struct *list_ = nullptr;
};

} // namespace kcxx

#endif // KCXX_WAIT_QUEUE_H
