/* SPDX-License-Identifier: GPL-2.0 */
/*
 * io_poll(): <linux/iopoll.h>'s read_poll_timeout() for C++: read a value
 * (a register) until a condition holds or time runs out.
 *
 *	u32 status = TRY(io_poll([&] { return regs.read<Status>(); },
 *				 [](u32 s) { return s & READY; }, 10, 100000));
 *
 * ETIMEDOUT when the condition still fails after `timeout_us`; as the
 * kernel's, one last read is made after the deadline, so a value that came
 * while the poller slept is not missed.
 */
#ifndef KCXX_IO_POLL_H
#define KCXX_IO_POLL_H

#include <kcxx/context.h>
#include <kcxx/delay.h>
#include <kcxx/hrtimer.h>
#include <kcxx/result.h>
#include <kcxx/sched.h>

namespace kcxx {

namespace detail {
template <typename Read, typename Cond, typename Wait>
auto poll_until(Read &read, Cond &cond, u64 timeout_us, Wait wait) -> Result<decltype(read())>
{
	const u64 deadline = monotonic_ns() + timeout_us * 1000;

	for (;;) {
		auto value = read();
		if (cond(value))
			return value;
		if (monotonic_ns() > deadline) {
			value = read(); // the value may have come while we waited
			if (cond(value))
				return value;
			return code::ETIMEDOUT;
		}
		wait();
	}
}
} // namespace detail

/// Polls, sleeping about `sleep_us` between reads (0: only reschedules).
/// Process context.
template <typename Read, typename Cond>
KCXX_MAY_SLEEP auto io_poll(Read read, Cond cond, unsigned long sleep_us, u64 timeout_us)
	-> Result<decltype(read())>
{
	return detail::poll_until(read, cond, timeout_us, [sleep_us] {
		if (sleep_us)
			usleep_range(sleep_us / 4 + 1, sleep_us);
		else
			cond_resched();
	});
}

/// Polls, spinning `delay_us` between reads: for atomic context (an
/// interrupt handler, under a spinlock). Keep `timeout_us` small.
template <typename Read, typename Cond>
auto io_poll_atomic(Read read, Cond cond, unsigned long delay_us, u64 timeout_us)
	-> Result<decltype(read())>
{
	return detail::poll_until(read, cond, timeout_us, [delay_us] {
		if (delay_us)
			udelay(delay_us);
	});
}

} // namespace kcxx

#endif // KCXX_IO_POLL_H
