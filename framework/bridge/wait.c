// SPDX-License-Identifier: GPL-2.0
/*
 * Wait-queue bridge: wait_event*() are macros that re-evaluate a condition,
 * which C++ passes as a callback; poll_wait() and the fasync helpers.
 */
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/poll.h>
#include <linux/wait.h>
#include <kcxx/bridge/wait.h>

/** kcxx_init_waitqueue_head() - initialise a wait_queue_head in opaque storage */
void kcxx_init_waitqueue_head(void *wq)
{
	init_waitqueue_head((struct wait_queue_head *)wq);
}

/** kcxx_wake_up() - wake one exclusive waiter and all non-exclusive ones */
void kcxx_wake_up(void *wq)
{
	wake_up((struct wait_queue_head *)wq);
}

/** kcxx_wake_up_all() - wake every waiter */
void kcxx_wake_up_all(void *wq)
{
	wake_up_all((struct wait_queue_head *)wq);
}

/** kcxx_wake_up_interruptible() - wake interruptible waiters */
void kcxx_wake_up_interruptible(void *wq)
{
	wake_up_interruptible((struct wait_queue_head *)wq);
}

/**
 * kcxx_wait_event() - sleep until @cond(@ctx) is true, ignoring signals
 *
 * Context: process context; sleeps.
 */
void kcxx_wait_event(void *wq, kcxx_wait_cond_fn cond, void *ctx)
{
	wait_event(*(struct wait_queue_head *)wq, cond(ctx));
}

/**
 * kcxx_wait_event_interruptible() - sleep until @cond(@ctx) or a signal
 *
 * Context: process context; sleeps.
 * Return: 0, or -ERESTARTSYS when a signal arrived first.
 */
int kcxx_wait_event_interruptible(void *wq, kcxx_wait_cond_fn cond, void *ctx)
{
	return wait_event_interruptible(*(struct wait_queue_head *)wq, cond(ctx));
}

/**
 * kcxx_wait_event_interruptible_timeout() - as above, for at most @msecs
 *
 * Return: 0 on timeout, jiffies left (>= 1) when @cond became true, or
 * -ERESTARTSYS.
 */
long kcxx_wait_event_interruptible_timeout(void *wq, kcxx_wait_cond_fn cond, void *ctx,
					   unsigned int msecs)
{
	return wait_event_interruptible_timeout(*(struct wait_queue_head *)wq, cond(ctx),
						msecs_to_jiffies(msecs));
}

/** kcxx_poll_wait() - register @wq with a poll table */
void kcxx_poll_wait(struct file *file, void *wq, struct poll_table_struct *pt)
{
	poll_wait(file, (struct wait_queue_head *)wq, pt);
}

/**
 * kcxx_fasync_helper() - add or remove @file from a SIGIO list
 *
 * Return: 0 or 1 on success, a negative errno otherwise.
 */
int kcxx_fasync_helper(int fd, struct file *file, int on, struct fasync_struct **list)
{
	return fasync_helper(fd, file, on, list);
}

/** kcxx_kill_fasync() - send @sig to every process on the SIGIO list */
void kcxx_kill_fasync(struct fasync_struct **list, int sig, int band)
{
	kill_fasync(list, sig, band);
}
