/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/sched.h> and <linux/sched/signal.h>: rescheduling points
 * and signal checks for long loops in process context.
 */
#ifndef KCXX_BRIDGE_SCHED_H
#define KCXX_BRIDGE_SCHED_H

#ifdef __cplusplus
extern "C" {
#endif

void kcxx_cond_resched(void);
int kcxx_fatal_signal_pending(void);
int kcxx_signal_pending(void);
void kcxx_might_sleep(const char *file, int line);
void kcxx_cpu_relax(void);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_SCHED_H */
