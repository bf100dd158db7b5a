/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/workqueue.h>, <linux/timer.h> and <linux/kthread.h>:
 * deferred work, timer_list timers and kernel threads whose functions are
 * C++, each given its context.
 */
#ifndef KCXX_BRIDGE_WORKQUEUE_H
#define KCXX_BRIDGE_WORKQUEUE_H

#ifdef __cplusplus
extern "C" {
#endif

struct task_struct;
struct workqueue_struct;

typedef void (*kcxx_deferred_fn)(void *ctx);
typedef int (*kcxx_kthread_fn)(void *ctx);

void kcxx_init_work(void *work, kcxx_deferred_fn fn, void *ctx, const char *name, void *key);
int kcxx_queue_work(struct workqueue_struct *wq, void *work);
int kcxx_cancel_work_sync(void *work);
int kcxx_flush_work(void *work);

void kcxx_init_delayed_work(void *dwork, kcxx_deferred_fn fn, void *ctx, const char *name,
			    void *key);
int kcxx_mod_delayed_work(struct workqueue_struct *wq, void *dwork, unsigned int msecs);
int kcxx_cancel_delayed_work_sync(void *dwork);

struct workqueue_struct *kcxx_alloc_workqueue(const char *name, unsigned int flags, int max_active);
struct workqueue_struct *kcxx_alloc_ordered_workqueue(const char *name, unsigned int flags);
void kcxx_destroy_workqueue(struct workqueue_struct *wq);
void kcxx_flush_workqueue(struct workqueue_struct *wq);

void kcxx_timer_init(void *timer, kcxx_deferred_fn fn, void *ctx, const char *name, void *key);
int kcxx_timer_mod(void *timer, unsigned int msecs);
int kcxx_timer_delete_sync(void *timer);
int kcxx_timer_pending(void *timer);

struct task_struct *kcxx_kthread_run(kcxx_kthread_fn fn, void *ctx, const char *name);
int kcxx_kthread_stop(struct task_struct *task);
int kcxx_kthread_should_stop(void);
long kcxx_kthread_sleep(unsigned int msecs);

#ifdef __cplusplus
}
#else
#include <linux/timer.h>
#include <linux/workqueue.h>

/* What C++ reserves (opaque, sized by kconsts) for each of them. */
struct kcxx_work {
	struct work_struct work;
	kcxx_deferred_fn fn;
	void *ctx;
};

struct kcxx_delayed_work {
	struct delayed_work dwork;
	kcxx_deferred_fn fn;
	void *ctx;
};

struct kcxx_timer {
	struct timer_list timer;
	kcxx_deferred_fn fn;
	void *ctx;
};
#endif

#endif /* KCXX_BRIDGE_WORKQUEUE_H */
