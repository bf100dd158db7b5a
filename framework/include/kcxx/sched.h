/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Long loops in process context: let other tasks run, and stop when the
 * task is being killed.
 *
 * Example (compiled):
 *	#include <kcxx/span.h>
 *
 *	inline Result<void> fill(Span<u8> buf, usize chunk)
 *	{
 *		for (usize i = 0; i < buf.size(); i += chunk) {
 *			for (usize j = i; j < i + chunk && j < buf.size(); j++)
 *				buf[j] = static_cast<u8>(j);
 *			TRY(kcxx::yield_unless_killed()); // cond_resched(); EINTR if killed
 *		}
 *		return {};
 *	}
 */
#ifndef KCXX_SCHED_H
#define KCXX_SCHED_H

#include <kcxx/bridge/sched.h>
#include <kcxx/context.h>
#include <kcxx/result.h>

namespace kcxx {

/// cond_resched(): a rescheduling point. Process context only.
inline void cond_resched() KCXX_MAY_SLEEP
{
	kcxx_cond_resched();
}

/// Whether the current task has a fatal signal (it is being killed).
inline bool fatal_signal_pending()
{
	return kcxx_fatal_signal_pending() != 0;
}

/// Whether any signal waits for the current task.
inline bool signal_pending()
{
	return kcxx_signal_pending() != 0;
}

/// A rescheduling point that ends the loop with -EINTR when the task is
/// being killed: a loop of user-controlled length must stay killable.
inline Result<void> yield_unless_killed() KCXX_MAY_SLEEP
{
	kcxx_cond_resched();
	if (kcxx_fatal_signal_pending())
		return code::EINTR;
	return {};
}

} // namespace kcxx

/// might_sleep() at the caller's file and line: the debug kernel reports a
/// call from atomic context even when this call happens not to sleep.
#define KCXX_MIGHT_SLEEP() kcxx_might_sleep(__FILE__, __LINE__)

#endif // KCXX_SCHED_H
