/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Completion: <linux/completion.h>, "wait until something happened once".
 */
#ifndef KCXX_COMPLETION_H
#define KCXX_COMPLETION_H

#include <kcxx/bridge/sync.h>
#include <kcxx/context.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

namespace kcxx {

/**
 * A struct completion.
 *
 * # Invariants
 * raw_ is an initialised struct completion for the object's life (Pinned).
 */
class Completion : Pinned {
public:
	Completion() { kcxx_init_completion(raw_.get()); }

	/// Wakes one waiter (or lets the next wait() through). Any context.
	void complete() { kcxx_complete(raw_.get()); }
	/// Wakes every waiter, now and later. Any context.
	void complete_all() { kcxx_complete_all(raw_.get()); }
	/// Makes the completion waitable again; no one may be waiting.
	void reinit() { kcxx_reinit_completion(raw_.get()); }

	/// Waits, uninterruptibly. Process context.
	void wait() KCXX_MAY_SLEEP { kcxx_wait_for_completion(raw_.get()); }

	/// Waits until completion, or -ERESTARTSYS when a signal arrives.
	Result<void> wait_interruptible() KCXX_MAY_SLEEP
	{
		return to_result(kcxx_wait_for_completion_interruptible(raw_.get()));
	}

	/// Waits at most `msecs` milliseconds, else -ETIMEDOUT.
	Result<void> wait_timeout(unsigned int msecs) KCXX_MAY_SLEEP
	{
		if (!kcxx_wait_for_completion_timeout(raw_.get(), kcxx_msecs_to_jiffies(msecs)))
			return code::ETIMEDOUT;
		return {};
	}

private:
	Opaque<KCXX_SIZEOF_COMPLETION, KCXX_ALIGNOF_COMPLETION> raw_;
};

} // namespace kcxx

#endif // KCXX_COMPLETION_H
