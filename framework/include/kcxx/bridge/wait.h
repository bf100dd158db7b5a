/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/wait.h>, <linux/poll.h> and <linux/fs.h>'s fasync.
 * Each wait_event*() macro is one function; the condition is a callback.
 */
#ifndef KCXX_BRIDGE_WAIT_H
#define KCXX_BRIDGE_WAIT_H

#ifdef __cplusplus
extern "C" {
#endif

struct fasync_struct;
struct file;
struct poll_table_struct;

typedef int (*kcxx_wait_cond_fn)(void *ctx);

void kcxx_init_waitqueue_head(void *wq);
void kcxx_wake_up(void *wq);
void kcxx_wake_up_all(void *wq);
void kcxx_wake_up_interruptible(void *wq);
void kcxx_wait_event(void *wq, kcxx_wait_cond_fn cond, void *ctx);
int kcxx_wait_event_interruptible(void *wq, kcxx_wait_cond_fn cond, void *ctx);
long kcxx_wait_event_interruptible_timeout(void *wq, kcxx_wait_cond_fn cond, void *ctx,
					   unsigned int msecs);
void kcxx_poll_wait(struct file *file, void *wq, struct poll_table_struct *pt);
int kcxx_fasync_helper(int fd, struct file *file, int on, struct fasync_struct **list);
void kcxx_kill_fasync(struct fasync_struct **list, int sig, int band);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_WAIT_H */
