// SPDX-License-Identifier: GPL-2.0
/*
 * Scheduler bridge: cond_resched(), might_sleep() and the signal checks are
 * macros or inlines on the current task.
 */
#include <linux/kernel.h>
#include <linux/processor.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <kcxx/bridge/sched.h>

/** kcxx_cond_resched() - let others run if it is time. Context: may sleep. */
void kcxx_cond_resched(void)
{
	cond_resched();
}

/** kcxx_fatal_signal_pending() - whether the current task is being killed */
int kcxx_fatal_signal_pending(void)
{
	return fatal_signal_pending(current);
}

/** kcxx_signal_pending() - whether a signal waits for the current task */
int kcxx_signal_pending(void)
{
	return signal_pending(current);
}

/** kcxx_cpu_relax() - the pause a busy-wait loop makes between checks */
void kcxx_cpu_relax(void)
{
	cpu_relax();
}

/**
 * kcxx_might_sleep() - say that the caller may sleep here
 * @file: the C++ source file, for the report
 * @line: its line
 *
 * With CONFIG_DEBUG_ATOMIC_SLEEP, reports "sleeping function called from
 * invalid context" when the caller is in atomic context, even when this
 * call would not have slept.
 */
void kcxx_might_sleep(const char *file, int line)
{
#ifdef CONFIG_DEBUG_ATOMIC_SLEEP
	__might_sleep(file, line);
#endif
	might_resched();
}
