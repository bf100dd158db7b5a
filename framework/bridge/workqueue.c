// SPDX-License-Identifier: GPL-2.0
/*
 * Deferred-work bridge: INIT_WORK(), INIT_DELAYED_WORK(), timer_setup() and
 * kthread_run() are macros; the callbacks are trampolines to C++. Each work
 * item and timer gets the lockdep class of the place in C++ that defines
 * it, as the kernel's macros give each call site its own static key.
 *
 * Version drift: del_timer_sync() is timer_delete_sync() from 6.2 on (and
 * only that from 6.15).
 */
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/lockdep.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/timer.h>
#include <linux/version.h>
#include <linux/workqueue.h>
#include <kcxx/bridge/workqueue.h>

static void kcxx_work_fn(struct work_struct *work)
{
	struct kcxx_work *w = container_of(work, struct kcxx_work, work);

	w->fn(w->ctx);
}

/**
 * kcxx_init_work() - set up a work item calling @fn(@ctx)
 * @work: storage for a struct kcxx_work
 * @fn: runs in a kernel worker (process context, may sleep)
 * @ctx: handed to @fn
 * @name: its lockdep class's name
 * @key: its lockdep class's key, in static storage
 */
void kcxx_init_work(void *work, kcxx_deferred_fn fn, void *ctx, const char *name, void *key)
{
	struct kcxx_work *w = work;

	INIT_WORK(&w->work, kcxx_work_fn);
#ifdef CONFIG_LOCKDEP
	lockdep_init_map(&w->work.lockdep_map, name, key, 0);
#endif
	w->fn = fn;
	w->ctx = ctx;
}

/**
 * kcxx_queue_work() - queue @work on @wq (NULL: the system workqueue)
 *
 * Context: any.
 * Return: 1 if queued, 0 if it already was.
 */
int kcxx_queue_work(struct workqueue_struct *wq, void *work)
{
	return queue_work(wq ? wq : system_wq, &((struct kcxx_work *)work)->work);
}

/**
 * kcxx_cancel_work_sync() - take @work off its queue and wait for it to finish
 *
 * Context: process context; sleeps. Not from the work itself.
 * Return: 1 if it was pending.
 */
int kcxx_cancel_work_sync(void *work)
{
	return cancel_work_sync(&((struct kcxx_work *)work)->work);
}

/** kcxx_flush_work() - wait for @work to finish. Return: 1 if it had to wait. */
int kcxx_flush_work(void *work)
{
	return flush_work(&((struct kcxx_work *)work)->work);
}

static void kcxx_delayed_work_fn(struct work_struct *work)
{
	struct kcxx_delayed_work *w = container_of(to_delayed_work(work), struct kcxx_delayed_work,
						   dwork);

	w->fn(w->ctx);
}

/** kcxx_init_delayed_work() - as kcxx_init_work(), for a struct kcxx_delayed_work */
void kcxx_init_delayed_work(void *dwork, kcxx_deferred_fn fn, void *ctx, const char *name,
			    void *key)
{
	struct kcxx_delayed_work *w = dwork;

	INIT_DELAYED_WORK(&w->dwork, kcxx_delayed_work_fn);
#ifdef CONFIG_LOCKDEP
	lockdep_init_map(&w->dwork.work.lockdep_map, name, key, 0);
#endif
	w->fn = fn;
	w->ctx = ctx;
}

/**
 * kcxx_mod_delayed_work() - (re)queue @dwork to run @msecs from now on @wq
 * (NULL: the system workqueue)
 *
 * Context: any.
 * Return: 1 if it was pending already (and is now moved), 0 if newly queued.
 */
int kcxx_mod_delayed_work(struct workqueue_struct *wq, void *dwork, unsigned int msecs)
{
	return mod_delayed_work(wq ? wq : system_wq, &((struct kcxx_delayed_work *)dwork)->dwork,
				msecs_to_jiffies(msecs));
}

/** kcxx_cancel_delayed_work_sync() - as kcxx_cancel_work_sync(), with the timer */
int kcxx_cancel_delayed_work_sync(void *dwork)
{
	return cancel_delayed_work_sync(&((struct kcxx_delayed_work *)dwork)->dwork);
}

/**
 * kcxx_alloc_workqueue() - a workqueue of the driver's own
 * @name: its name (ps shows its workers as kworker/...:<name>)
 * @flags: WQ_UNBOUND, WQ_FREEZABLE, WQ_HIGHPRI, WQ_MEM_RECLAIM...
 * @max_active: work items of it that may run at once per CPU (0: default)
 *
 * Return: the workqueue, or NULL.
 */
struct workqueue_struct *kcxx_alloc_workqueue(const char *name, unsigned int flags, int max_active)
{
	return alloc_workqueue("%s", flags, max_active, name);
}

/** kcxx_alloc_ordered_workqueue() - a workqueue running one item at a time, in order */
struct workqueue_struct *kcxx_alloc_ordered_workqueue(const char *name, unsigned int flags)
{
	return alloc_ordered_workqueue("%s", flags, name);
}

/** kcxx_destroy_workqueue() - finish what is queued on @wq and free it. Context: sleeps. */
void kcxx_destroy_workqueue(struct workqueue_struct *wq)
{
	destroy_workqueue(wq);
}

/** kcxx_flush_workqueue() - wait for everything queued on @wq so far */
void kcxx_flush_workqueue(struct workqueue_struct *wq)
{
	flush_workqueue(wq);
}

static void kcxx_timer_fn(struct timer_list *t)
{
	struct kcxx_timer *k = container_of(t, struct kcxx_timer, timer);

	k->fn(k->ctx);
}

/**
 * kcxx_timer_init() - set up a timer_list calling @fn(@ctx) in softirq context
 * @timer: storage for a struct kcxx_timer
 * @fn: the expiry callback (atomic context)
 * @ctx: handed to @fn
 * @name: its lockdep class's name
 * @key: its lockdep class's key, in static storage
 */
void kcxx_timer_init(void *timer, kcxx_deferred_fn fn, void *ctx, const char *name, void *key)
{
	struct kcxx_timer *k = timer;

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 16, 0)
	timer_init_key(&k->timer, kcxx_timer_fn, 0, name, key);
#else
	init_timer_key(&k->timer, kcxx_timer_fn, 0, name, key);
#endif
	k->fn = fn;
	k->ctx = ctx;
}

/**
 * kcxx_timer_mod() - (re)arm @timer to expire @msecs from now
 *
 * Context: any.
 * Return: 1 if it was pending already.
 */
int kcxx_timer_mod(void *timer, unsigned int msecs)
{
	return mod_timer(&((struct kcxx_timer *)timer)->timer, jiffies + msecs_to_jiffies(msecs));
}

/**
 * kcxx_timer_delete_sync() - disarm @timer and wait for a running callback
 *
 * Context: process context, or not from the callback; may spin.
 * Return: 1 if it was pending.
 */
int kcxx_timer_delete_sync(void *timer)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
	return timer_delete_sync(&((struct kcxx_timer *)timer)->timer);
#else
	return del_timer_sync(&((struct kcxx_timer *)timer)->timer);
#endif
}

/** kcxx_timer_pending() - whether @timer is armed */
int kcxx_timer_pending(void *timer)
{
	return timer_pending(&((struct kcxx_timer *)timer)->timer);
}

/**
 * kcxx_kthread_run() - start a kernel thread running @fn(@ctx)
 * @fn: the thread's function; its return value is kcxx_kthread_stop()'s
 * @ctx: handed to @fn
 * @name: the thread's name
 *
 * The caller holds a reference to the task until kcxx_kthread_stop(), so
 * stopping is safe even after @fn has returned.
 *
 * Return: the task, or an ERR_PTR.
 */
struct task_struct *kcxx_kthread_run(kcxx_kthread_fn fn, void *ctx, const char *name)
{
	struct task_struct *t = kthread_create(fn, ctx, "%s", name);

	if (IS_ERR(t))
		return t;
	get_task_struct(t);
	wake_up_process(t);
	return t;
}

/**
 * kcxx_kthread_stop() - ask the thread to stop, wait until it has, drop it
 *
 * Context: process context; sleeps.
 * Return: what its function returned.
 */
int kcxx_kthread_stop(struct task_struct *task)
{
	int ret = kthread_stop(task);

	put_task_struct(task);
	return ret;
}

/** kcxx_kthread_should_stop() - whether the current kernel thread is asked to stop */
int kcxx_kthread_should_stop(void)
{
	return kthread_should_stop();
}

/**
 * kcxx_kthread_sleep() - sleep @msecs in a kernel thread, or less if asked to stop
 *
 * Return: 0 when the whole time passed, else the milliseconds left.
 */
long kcxx_kthread_sleep(unsigned int msecs)
{
	long left;

	set_current_state(TASK_INTERRUPTIBLE);
	if (kthread_should_stop()) {
		__set_current_state(TASK_RUNNING);
		return msecs;
	}
	left = schedule_timeout(msecs_to_jiffies(msecs));
	return jiffies_to_msecs(left);
}
