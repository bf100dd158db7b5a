// SPDX-License-Identifier: GPL-2.0
/*
 * The C twins of kcxx_microbench's operations, written as a C driver would,
 * and the harness's timing and CPU placement. Test code, not framework.
 */
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/io.h>
#include <linux/kthread.h>
#include <linux/of.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include "micro_c.h"

/* QEMU virt's PL061 (hw/arm/virt.c); its direction register, pin 0 unused. */
#define MICRO_PL061_PHYS 0x09030000
#define MICRO_PL061_SIZE 0x1000
#define MICRO_PL061_DIR 0x400

struct micro_obj {
	u64 first;
	u64 rest[7];
};

/* A C driver's state, in memory from kmalloc() as its private data would be. */
struct micro_state {
	spinlock_t lock;
	u64 locked_value;
	atomic_long_t shared;
};

static struct kmem_cache *micro_cache;
static struct micro_state *micro;
static void __iomem *micro_pl061;
static DEFINE_PER_CPU(u64, micro_counter);

/**
 * micro_c_setup() - the C twins' cache and mapping
 *
 * Return: 0 or a negative errno.
 */
int micro_c_setup(void)
{
	micro_cache = kmem_cache_create("c_microbench", sizeof(struct micro_obj),
					__alignof__(struct micro_obj), 0, NULL);
	micro = kzalloc(sizeof(*micro), GFP_KERNEL);
	if (!micro_cache || !micro)
		return -ENOMEM;
	spin_lock_init(&micro->lock);
	if (of_machine_is_compatible("linux,dummy-virt"))
		micro_pl061 = ioremap(MICRO_PL061_PHYS, MICRO_PL061_SIZE);
	return 0;
}

/** micro_c_teardown() - undo micro_c_setup() */
void micro_c_teardown(void)
{
	if (micro_pl061)
		iounmap(micro_pl061);
	kfree(micro);
	kmem_cache_destroy(micro_cache);
}

/** micro_c_iomem() - the PL061 registers for both sides, or NULL off QEMU virt */
void *micro_c_iomem(void)
{
	return (__force void *)micro_pl061;
}

noinline unsigned long long micro_c_kmem_cache(unsigned long long iterations)
{
	unsigned long long sum = 0, i;

	for (i = 0; i < iterations; i++) {
		struct micro_obj *obj = kmem_cache_alloc(micro_cache, GFP_KERNEL);

		if (!obj)
			return 0;
		WRITE_ONCE(obj->first, i);
		sum += (unsigned long)obj & 0xff;
		kmem_cache_free(micro_cache, obj);
	}
	return sum;
}

noinline unsigned long long micro_c_kmalloc(unsigned long long iterations)
{
	unsigned long long sum = 0, i;

	for (i = 0; i < iterations; i++) {
		struct micro_obj *obj = kmalloc(sizeof(*obj), GFP_KERNEL);

		if (!obj)
			return 0;
		WRITE_ONCE(obj->first, i);
		sum += (unsigned long)obj & 0xff;
		kfree(obj);
	}
	return sum;
}

noinline unsigned long long micro_c_shared_atomic(unsigned long long iterations)
{
	unsigned long long i;

	for (i = 0; i < iterations; i++)
		atomic_long_inc(&micro->shared);
	return atomic_long_read(&micro->shared);
}

noinline unsigned long long micro_c_this_cpu(unsigned long long iterations)
{
	unsigned long long i;

	for (i = 0; i < iterations; i++)
		this_cpu_inc(micro_counter);
	return this_cpu_read(micro_counter);
}

noinline unsigned long long micro_c_spinlock(unsigned long long iterations)
{
	unsigned long long i;

	for (i = 0; i < iterations; i++) {
		spin_lock(&micro->lock);
		micro->locked_value++;
		spin_unlock(&micro->lock);
	}
	return micro->locked_value;
}

/* Three calls deep, every other one failing at the bottom: errno returns. */
static noinline int micro_leaf(u32 v, u32 *out)
{
	if (v & 1)
		return -EINVAL;
	*out = v + 1;
	return 0;
}

static noinline int micro_middle(u32 v, u32 *out)
{
	u32 x;
	int err = micro_leaf(v, &x);

	if (err)
		return err;
	*out = x * 3;
	return 0;
}

static noinline int micro_top(u32 v, u32 *out)
{
	u32 x;
	int err = micro_middle(v, &x);

	if (err)
		return err;
	*out = x ^ 5;
	return 0;
}

noinline unsigned long long micro_c_errno(unsigned long long iterations)
{
	unsigned long long sum = 0, i;

	for (i = 0; i < iterations; i++) {
		u32 out;
		int err = micro_top((u32)i, &out);

		sum += err ? (unsigned long long)-err : out;
	}
	return sum;
}

noinline unsigned long long micro_c_iomem_rw(unsigned long long iterations)
{
	unsigned long long sum = 0, i;

	for (i = 0; i < iterations; i++) {
		u32 dir = readl(micro_pl061 + MICRO_PL061_DIR);

		writel(dir, micro_pl061 + MICRO_PL061_DIR);
		sum += dir;
	}
	return sum;
}

/**
 * micro_pin_to_cpu() - keep the calling task on one CPU
 * @cpu: the CPU
 *
 * Return: 0 or a negative errno.
 */
int micro_pin_to_cpu(unsigned int cpu)
{
	if (cpu >= nr_cpu_ids || !cpu_online(cpu))
		return -ENODEV;
	return set_cpus_allowed_ptr(current, cpumask_of(cpu));
}

/**
 * micro_time_ns() - how long @body takes for @iterations, on this CPU
 * @body: the benchmark body
 * @iterations: passed to it
 *
 * Return: nanoseconds.
 */
unsigned long long micro_time_ns(micro_body body, unsigned long long iterations)
{
	u64 start = ktime_get_ns();

	body(iterations);
	return ktime_get_ns() - start;
}

struct micro_partner {
	micro_body body;
	unsigned long long iterations;
	atomic_t ready, go;
	struct completion done;
};

static int micro_partner_fn(void *data)
{
	struct micro_partner *p = data;

	atomic_set(&p->ready, 1);
	while (!atomic_read(&p->go))
		cpu_relax();
	p->body(p->iterations);
	complete(&p->done);
	return 0;
}

/**
 * micro_time_two_cpus_ns() - @body on this CPU and on CPU 1 at once
 * @body: the benchmark body
 * @iterations: each CPU's
 *
 * The caller is pinned to CPU 0 (micro_pin_to_cpu()).
 *
 * Return: nanoseconds until both finished, or 0 without a second CPU.
 */
unsigned long long micro_time_two_cpus_ns(micro_body body, unsigned long long iterations)
{
	struct micro_partner p = { .body = body, .iterations = iterations };
	struct task_struct *task;
	u64 start;

	if (num_online_cpus() < 2 || !cpu_online(1))
		return 0;
	init_completion(&p.done);
	task = kthread_create(micro_partner_fn, &p, "kcxx-microbench");
	if (IS_ERR(task))
		return 0;
	kthread_bind(task, 1);
	wake_up_process(task);
	while (!atomic_read(&p.ready))
		cpu_relax();
	start = ktime_get_ns();
	atomic_set(&p.go, 1);
	body(iterations);
	wait_for_completion(&p.done);
	return ktime_get_ns() - start;
}
