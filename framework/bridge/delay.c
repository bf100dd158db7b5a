// SPDX-License-Identifier: GPL-2.0
/*
 * Delay bridge: udelay() and usleep_range() are macros or inlines.
 */
#include <linux/delay.h>
#include <kcxx/bridge/delay.h>

/** kcxx_msleep() - sleep at least @msecs milliseconds. Context: sleeps. */
void kcxx_msleep(unsigned int msecs)
{
	msleep(msecs);
}

/**
 * kcxx_msleep_interruptible() - sleep @msecs, or until a signal or a wake-up
 *
 * Context: sleeps.
 * Return: the milliseconds left (0 when the whole time passed).
 */
unsigned long kcxx_msleep_interruptible(unsigned int msecs)
{
	return msleep_interruptible(msecs);
}

/** kcxx_usleep_range() - sleep between @min_us and @max_us. Context: sleeps. */
void kcxx_usleep_range(unsigned long min_us, unsigned long max_us)
{
	usleep_range(min_us, max_us);
}

/** kcxx_udelay() - busy-wait @usecs microseconds. Context: any. */
void kcxx_udelay(unsigned long usecs)
{
	udelay(usecs);
}
