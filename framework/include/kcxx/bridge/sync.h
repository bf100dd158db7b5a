/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/spinlock.h>, <linux/mutex.h> and <linux/completion.h>.
 * Lock and completion storage is opaque memory sized by kcxx/generated/kconsts.h.
 */
#ifndef KCXX_BRIDGE_SYNC_H
#define KCXX_BRIDGE_SYNC_H

#ifdef __cplusplus
extern "C" {
#endif

void kcxx_spin_lock_init(void *lock, const char *name, void *key);
void kcxx_spin_lock(void *lock);
int kcxx_spin_trylock(void *lock);
int kcxx_spin_trylock_irqsave(void *lock, unsigned long *flags);
void kcxx_spin_unlock(void *lock);
unsigned long kcxx_spin_lock_irqsave(void *lock);
void kcxx_spin_unlock_irqrestore(void *lock, unsigned long flags);

void kcxx_mutex_init(void *lock, const char *name, void *key);
void kcxx_mutex_lock(void *lock);
int kcxx_mutex_lock_interruptible(void *lock);
int kcxx_mutex_trylock(void *lock);
void kcxx_mutex_unlock(void *lock);
void kcxx_mutex_destroy(void *lock);

void kcxx_init_completion(void *done);
void kcxx_reinit_completion(void *done);
void kcxx_complete(void *done);
void kcxx_complete_all(void *done);
void kcxx_wait_for_completion(void *done);
int kcxx_wait_for_completion_interruptible(void *done);
unsigned long kcxx_wait_for_completion_timeout(void *done, unsigned long jiffies);
unsigned long kcxx_msecs_to_jiffies(unsigned int msecs);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_SYNC_H */
