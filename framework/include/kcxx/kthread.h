/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kthread<Owner, Fn>: a <linux/kthread.h> kernel thread running a method of
 * its owner, stopped and joined when dropped.
 *
 * Example (compiled):
 *	class Sensor {
 *	public:
 *		Result<void> start() { return thread_.start("kcxx-sensor"); }
 *
 *		int poller(KthreadControl &ctl)
 *		{
 *			while (!ctl.should_stop()) {
 *				polls_++;
 *				ctl.sleep(100); // wakes early when asked to stop
 *			}
 *			return 0;
 *		}
 *
 *	private:
 *		u32 polls_ = 0;
 *		Kthread<Sensor, &Sensor::poller> thread_{ *this }; // stopped when dropped
 *	};
 *
 * The destructor asks the thread to stop (kthread_stop()) and returns once
 * its function has returned.
 */
#ifndef KCXX_KTHREAD_H
#define KCXX_KTHREAD_H

#include <kcxx/bridge/workqueue.h>
#include <kcxx/context.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

namespace kcxx {

/// What a thread function gets: whether to stop, and a sleep that ends early
/// when it should.
class KthreadControl {
public:
	bool should_stop() const { return kcxx_kthread_should_stop(); }

	/// Sleeps `ms`, or less when asked to stop (or woken).
	void sleep(unsigned int ms) KCXX_MAY_SLEEP { kcxx_kthread_sleep(ms); }

private:
	template <typename Owner, int (Owner::*)(KthreadControl &)> friend class Kthread;
	KthreadControl() = default;
};

/**
 * A kernel thread running Owner::Fn.
 *
 * # Invariants
 * task_ is null (not started) or a thread started by this object, on which
 * it holds a reference; owner_ outlives it. The destructor stops and joins
 * it, so Fn never runs on a gone owner.
 */
template <typename Owner, int (Owner::*Fn)(KthreadControl &)> class Kthread : Pinned {
public:
	explicit Kthread(Owner &owner) : owner_(owner) {}
	~Kthread() { (void)stop(); }

	/// Starts the thread, named `name`. EBUSY if it was started already.
	Result<void> start(const char *name) KCXX_MAY_SLEEP
	{
		if (task_)
			return code::EBUSY;
		task_ = TRY(from_err_ptr(kcxx_kthread_run(&run, this, name)));
		return {};
	}

	/// Asks the thread to stop and waits until Fn returned: Fn's return
	/// value. EINVAL when it was not started or is stopped already.
	Result<int> stop() KCXX_MAY_SLEEP
	{
		if (!task_)
			return code::EINVAL;
		return kcxx_kthread_stop(exchange(task_, nullptr));
	}

	bool running() const { return task_ != nullptr; }

private:
	static int run(void *ctx)
	{
		auto *self = static_cast<Kthread *>(ctx);
		KthreadControl ctl;
		return (self->owner_.*Fn)(ctl);
	}

	Owner &owner_;
	struct task_struct *task_ = nullptr;
};

} // namespace kcxx

#endif // KCXX_KTHREAD_H
