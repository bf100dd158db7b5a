// SPDX-License-Identifier: GPL-2.0
/*
 * Locking and completion bridge: spin_lock_init(), mutex_init() and
 * init_completion() are macros or inlines, and the lock calls differ by config.
 *
 * Every kcxx lock is initialised with the lockdep class of the place in C++
 * that defines it (struct lock_class_key storage and a name from
 * KCXX_LOCK_CLASS), as the kernel's own init macros give each call site a
 * static key. A lock and its unlock are separate functions here, so each
 * carries Sparse's __acquires/__releases annotation.
 */
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <kcxx/bridge/sync.h>

/**
 * kcxx_spin_lock_init() - initialise a spinlock_t in opaque storage
 * @lock: the storage
 * @name: the lock class's name, for lockdep's reports
 * @key: the lock class's key, in static storage
 */
void kcxx_spin_lock_init(void *lock, const char *name, void *key)
{
#ifdef CONFIG_DEBUG_SPINLOCK
	__raw_spin_lock_init(spinlock_check((spinlock_t *)lock), name, key, LD_WAIT_CONFIG);
#else
	spin_lock_init((spinlock_t *)lock);
#endif
}

/*
 * The trylocks return with the lock held or not, which Sparse cannot state
 * of a function: __cond_acquires() is context(x,0,-1), which Sparse 0.6.4
 * checks as a count of -1 at exit, and a body that returns spin_trylock()'s
 * result exits holding the lock on one path only. They are written as the
 * kernel's own out-of-line trylock, _raw_spin_trylock(), is: neutral to
 * Sparse, the conditional acquire left to the caller (__cond_lock() in C;
 * here the C++ guard, which only a taken lock yields and -Wthread-safety
 * checks). So the taken path hands spin_trylock()'s acquire on with
 * __release().
 */

/** kcxx_spin_trylock() - take a spinlock if free. Return: 1 if taken, else 0. */
int kcxx_spin_trylock(void *lock)
{
	int taken = spin_trylock((spinlock_t *)lock);

	if (taken)
		__release(lock); /* held: the caller's now */
	return taken;
}

/**
 * kcxx_spin_trylock_irqsave() - take a spinlock with local interrupts off, if free
 * @lock: the lock
 * @flags: set to the interrupt state to restore, when taken
 *
 * What spin_trylock_irqsave() expands to, around kcxx_spin_trylock(): its
 * own ternary would join the taken and the untaken path before Sparse could
 * tell them apart.
 *
 * Return: 1 if taken (interrupts off), else 0 (interrupts as they were).
 */
int kcxx_spin_trylock_irqsave(void *lock, unsigned long *flags)
{
	unsigned long f;

	local_irq_save(f);
	if (!kcxx_spin_trylock(lock)) {
		local_irq_restore(f);
		return 0;
	}
	*flags = f;
	return 1;
}

/** kcxx_spin_lock() - take a spinlock; the caller must not sleep until unlock */
void kcxx_spin_lock(void *lock) __acquires(lock)
{
	spin_lock((spinlock_t *)lock);
}

/** kcxx_spin_unlock() - release a spinlock taken with kcxx_spin_lock() */
void kcxx_spin_unlock(void *lock) __releases(lock)
{
	spin_unlock((spinlock_t *)lock);
}

/**
 * kcxx_spin_lock_irqsave() - take a spinlock with local interrupts off
 * @lock: the lock
 *
 * Return: the interrupt state to hand to kcxx_spin_unlock_irqrestore().
 */
unsigned long kcxx_spin_lock_irqsave(void *lock) __acquires(lock)
{
	unsigned long flags;

	spin_lock_irqsave((spinlock_t *)lock, flags);
	return flags;
}

/** kcxx_spin_unlock_irqrestore() - release and restore the saved interrupt state */
void kcxx_spin_unlock_irqrestore(void *lock, unsigned long flags) __releases(lock)
{
	spin_unlock_irqrestore((spinlock_t *)lock, flags);
}

/**
 * kcxx_mutex_init() - initialise a struct mutex in opaque storage
 * @lock: the storage
 * @name: the lock class's name, for lockdep's reports
 * @key: the lock class's key, in static storage
 */
void kcxx_mutex_init(void *lock, const char *name, void *key)
{
	__mutex_init((struct mutex *)lock, name, key);
}

/** kcxx_mutex_lock() - take a mutex. Context: process context; sleeps. */
void kcxx_mutex_lock(void *lock)
{
	mutex_lock((struct mutex *)lock);
}

/**
 * kcxx_mutex_lock_interruptible() - take a mutex unless a signal arrives
 * @lock: the mutex
 *
 * Context: process context; sleeps.
 * Return: 0 with the mutex held, or -EINTR.
 */
int kcxx_mutex_lock_interruptible(void *lock)
{
	return mutex_lock_interruptible((struct mutex *)lock);
}

/** kcxx_mutex_trylock() - take a mutex if free. Return: 1 if taken, else 0. */
int kcxx_mutex_trylock(void *lock)
{
	return mutex_trylock((struct mutex *)lock);
}

/** kcxx_mutex_unlock() - release a mutex held by the caller */
void kcxx_mutex_unlock(void *lock)
{
	mutex_unlock((struct mutex *)lock);
}

/** kcxx_mutex_destroy() - mark a mutex unusable (a debugging aid) */
void kcxx_mutex_destroy(void *lock)
{
	mutex_destroy((struct mutex *)lock);
}

/** kcxx_init_completion() - initialise a struct completion in opaque storage */
void kcxx_init_completion(void *done)
{
	init_completion((struct completion *)done);
}

/** kcxx_reinit_completion() - make a completion waitable again */
void kcxx_reinit_completion(void *done)
{
	reinit_completion((struct completion *)done);
}

/** kcxx_complete() - wake one waiter. Context: any. */
void kcxx_complete(void *done)
{
	complete((struct completion *)done);
}

/** kcxx_complete_all() - wake all waiters, now and later. Context: any. */
void kcxx_complete_all(void *done)
{
	complete_all((struct completion *)done);
}

/** kcxx_wait_for_completion() - wait, uninterruptibly. Context: sleeps. */
void kcxx_wait_for_completion(void *done)
{
	wait_for_completion((struct completion *)done);
}

/**
 * kcxx_wait_for_completion_interruptible() - wait until completion or a signal
 * @done: the completion
 *
 * Context: process context; sleeps.
 * Return: 0, or -ERESTARTSYS when a signal arrived.
 */
int kcxx_wait_for_completion_interruptible(void *done)
{
	return wait_for_completion_interruptible((struct completion *)done);
}

/**
 * kcxx_wait_for_completion_timeout() - wait at most @jiffies
 * @done: the completion
 * @jiffies: the timeout
 *
 * Context: process context; sleeps.
 * Return: 0 on timeout, else the jiffies left (at least 1).
 */
unsigned long kcxx_wait_for_completion_timeout(void *done, unsigned long jiffies)
{
	return wait_for_completion_timeout((struct completion *)done, jiffies);
}

/** kcxx_msecs_to_jiffies() - convert milliseconds to jiffies, rounding up */
unsigned long kcxx_msecs_to_jiffies(unsigned int msecs)
{
	return msecs_to_jiffies(msecs);
}
