/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/hrtimer.h>. The timer lives in opaque storage sized by
 * kconsts; its callback is a C++ function with a context pointer.
 */
#ifndef KCXX_BRIDGE_HRTIMER_H
#define KCXX_BRIDGE_HRTIMER_H

#ifdef __cplusplus
extern "C" {
#endif

/* Returns 1 to run again (after forwarding the expiry), 0 to stop. */
typedef int (*kcxx_hrtimer_fn)(void *ctx);

void kcxx_hrtimer_init(void *timer, kcxx_hrtimer_fn fn, void *ctx);
void kcxx_hrtimer_start(void *timer, unsigned long long ns);
int kcxx_hrtimer_cancel(void *timer);
unsigned long long kcxx_hrtimer_forward_now(void *timer, unsigned long long interval_ns);
int kcxx_hrtimer_active(void *timer);
unsigned long long kcxx_ktime_get_ns(void);

#ifdef __cplusplus
}
#else
#include <linux/hrtimer.h>

struct kcxx_hrtimer {
	struct hrtimer timer;
	kcxx_hrtimer_fn fn;
	void *ctx;
};
#endif

#endif /* KCXX_BRIDGE_HRTIMER_H */
