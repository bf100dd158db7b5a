// SPDX-License-Identifier: GPL-2.0
/*
 * Test-only helpers for kcxx_core_test: kthreads to make contention, and the
 * kernel's own view of the context the C++ code runs in.
 */
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/irqflags.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include "core_helpers.h"

struct kcxx_test_thread {
	void (*fn)(void *arg, unsigned int i);
	void *arg;
	unsigned int index;
	struct completion done;
};

static int kcxx_test_thread_fn(void *data)
{
	struct kcxx_test_thread *t = data;

	t->fn(t->arg, t->index);
	complete(&t->done);
	return 0;
}

int kcxx_test_run_threads(unsigned int n, void (*fn)(void *arg, unsigned int i), void *arg)
{
	struct kcxx_test_thread *threads;
	unsigned int i, started = 0;
	int ret = 0;

	threads = kcalloc(n, sizeof(*threads), GFP_KERNEL);
	if (!threads)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		struct task_struct *task;

		threads[i] = (struct kcxx_test_thread){ .fn = fn, .arg = arg, .index = i };
		init_completion(&threads[i].done);
		task = kthread_create(kcxx_test_thread_fn, &threads[i], "kcxx-test/%u", i);
		if (IS_ERR(task)) {
			ret = PTR_ERR(task);
			break;
		}
		kthread_bind(task, i % num_possible_cpus());
		wake_up_process(task);
		started++;
	}
	for (i = 0; i < started; i++)
		wait_for_completion(&threads[i].done);
	kfree(threads);
	return ret;
}

int kcxx_test_irqs_disabled(void)
{
	return irqs_disabled();
}

unsigned long long kcxx_test_ktime_ns(void)
{
	return ktime_get_ns();
}

void kcxx_test_msleep(unsigned int ms)
{
	msleep(ms);
}

void kcxx_test_cond_resched(void)
{
	cond_resched();
}
