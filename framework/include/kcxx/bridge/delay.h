/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/delay.h>: sleeping and busy-waiting delays.
 */
#ifndef KCXX_BRIDGE_DELAY_H
#define KCXX_BRIDGE_DELAY_H

#ifdef __cplusplus
extern "C" {
#endif

void kcxx_msleep(unsigned int msecs);
unsigned long kcxx_msleep_interruptible(unsigned int msecs);
void kcxx_usleep_range(unsigned long min_us, unsigned long max_us);
void kcxx_udelay(unsigned long usecs);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_DELAY_H */
