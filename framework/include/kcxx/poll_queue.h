/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PollQueue: the wait queue a file's pollers sleep on (poll, select, epoll).
 *
 *	PollMask poll(File &, PollTable &table)		// a MiscDevice hook
 *	{
 *		table.wait(readable_);
 *		return has_data() ? PollMask::readable() : PollMask{};
 *	}
 *	...
 *	readable_.wake();				// when data arrives
 *
 * A poller stays on the queue until its poll() call returns, and epoll keeps
 * it there until the file is closed: longer than the driver state that owns
 * the queue may live (a device can be unbound while a process sleeps in
 * poll). So the queue is shared: the owner and every file that polled it
 * hold it, and it is freed when the last of them lets go.
 */
#ifndef KCXX_POLL_QUEUE_H
#define KCXX_POLL_QUEUE_H

#include <kcxx/arc.h>
#include <kcxx/wait_queue.h>

namespace kcxx {

/**
 * A shared wait queue for pollers.
 *
 * # Invariants
 * queue_ is a live WaitQueue (Arc's invariant) for as long as this object or
 * any file that polled it holds a reference.
 */
class PollQueue {
public:
	static Result<PollQueue> try_new()
	{
		return PollQueue(TRY(Arc<WaitQueue>::try_new(gfp::KERNEL)));
	}

	PollQueue(PollQueue &&) = default;

	/// Readiness changed: pollers look again. Any context.
	void wake() { queue_->wake_up_all(); }

	/// Another reference, for a file that sleeps on the queue.
	Arc<WaitQueue> share() const { return queue_.clone(); }
	WaitQueue &queue() const { return *queue_; }

private:
	explicit PollQueue(Arc<WaitQueue> &&queue) : queue_(move(queue)) {}

	Arc<WaitQueue> queue_;
};

} // namespace kcxx

#endif // KCXX_POLL_QUEUE_H
