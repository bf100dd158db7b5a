// SPDX-License-Identifier: GPL-2.0
/*
 * High-resolution timer bridge: hrtimer callbacks get the struct hrtimer,
 * from which this trampoline finds the C++ callback and its context.
 */
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <linux/version.h>
#include <kcxx/bridge/hrtimer.h>

static enum hrtimer_restart kcxx_hrtimer_expired(struct hrtimer *t)
{
	struct kcxx_hrtimer *k = container_of(t, struct kcxx_hrtimer, timer);

	return k->fn(k->ctx) ? HRTIMER_RESTART : HRTIMER_NORESTART;
}

/**
 * kcxx_hrtimer_init() - set up a relative CLOCK_MONOTONIC timer
 * @timer: zeroed storage for a struct kcxx_hrtimer
 * @fn: called on expiry, in hard interrupt context
 * @ctx: handed to @fn
 */
void kcxx_hrtimer_init(void *timer, kcxx_hrtimer_fn fn, void *ctx)
{
	struct kcxx_hrtimer *k = timer;

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
	hrtimer_setup(&k->timer, kcxx_hrtimer_expired, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
#else
	hrtimer_init(&k->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	k->timer.function = kcxx_hrtimer_expired;
#endif
	k->fn = fn;
	k->ctx = ctx;
}

/** kcxx_hrtimer_start() - (re)arm the timer to expire @ns from now */
void kcxx_hrtimer_start(void *timer, unsigned long long ns)
{
	hrtimer_start(&((struct kcxx_hrtimer *)timer)->timer, ns_to_ktime(ns), HRTIMER_MODE_REL);
}

/**
 * kcxx_hrtimer_cancel() - stop the timer, waiting for a running callback
 *
 * Context: may wait; not from the timer's own callback.
 * Return: 1 if the timer was active, else 0.
 */
int kcxx_hrtimer_cancel(void *timer)
{
	return hrtimer_cancel(&((struct kcxx_hrtimer *)timer)->timer);
}

/**
 * kcxx_hrtimer_forward_now() - move the expiry past now by whole intervals
 *
 * Context: the timer's callback, or with the timer stopped.
 * Return: the number of intervals skipped (overruns), at least 1.
 */
unsigned long long kcxx_hrtimer_forward_now(void *timer, unsigned long long interval_ns)
{
	return hrtimer_forward_now(&((struct kcxx_hrtimer *)timer)->timer, ns_to_ktime(interval_ns));
}

/** kcxx_hrtimer_active() - whether the timer is queued or its callback running */
int kcxx_hrtimer_active(void *timer)
{
	return hrtimer_active(&((struct kcxx_hrtimer *)timer)->timer);
}

/** kcxx_ktime_get_ns() - CLOCK_MONOTONIC now, in nanoseconds */
unsigned long long kcxx_ktime_get_ns(void)
{
	return ktime_get_ns();
}
