/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Delays: <linux/delay.h>'s sleeping msleep()/usleep_range() (process
 * context only: they are KCXX_MAY_SLEEP) and the busy-waiting udelay().
 */
#ifndef KCXX_DELAY_H
#define KCXX_DELAY_H

#include <kcxx/bridge/delay.h>
#include <kcxx/context.h>
#include <kcxx/types.h>

namespace kcxx {

/// Sleeps at least `ms` milliseconds.
inline void msleep(unsigned int ms) KCXX_MAY_SLEEP
{
	kcxx_msleep(ms);
}

/// Sleeps between `min_us` and `max_us` (the kernel picks, to batch wake-ups).
inline void usleep_range(unsigned long min_us, unsigned long max_us) KCXX_MAY_SLEEP
{
	kcxx_usleep_range(min_us, max_us);
}

/// Spins for `us` microseconds; any context, but keep it short.
inline void udelay(unsigned long us)
{
	kcxx_udelay(us);
}

} // namespace kcxx

#endif // KCXX_DELAY_H
