// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU bridge: alloc_percpu(), per_cpu_ptr() and get_cpu_ptr() are macros.
 */
#include <linux/cpumask.h>
#include <linux/percpu.h>
#include <kcxx/bridge/percpu.h>

/**
 * kcxx_alloc_percpu() - allocate one zeroed @size-byte area per possible CPU
 * @size: bytes per CPU
 * @align: alignment
 *
 * Context: process context; may sleep.
 * Return: the per-CPU pointer, or NULL.
 */
void __percpu *kcxx_alloc_percpu(unsigned long size, unsigned long align)
{
	return __alloc_percpu(size, align);
}

/** kcxx_free_percpu() - free an area from kcxx_alloc_percpu() */
void kcxx_free_percpu(void __percpu *ptr)
{
	free_percpu(ptr);
}

/**
 * kcxx_per_cpu_ptr() - @cpu's copy of a per-CPU area
 * @ptr: the per-CPU pointer
 * @cpu: a possible CPU
 *
 * Return: the address of that CPU's copy.
 */
void *kcxx_per_cpu_ptr(void __percpu *ptr, int cpu)
{
	return per_cpu_ptr(ptr, cpu);
}

/**
 * kcxx_get_cpu_ptr() - disable preemption and return this CPU's copy
 * @ptr: the per-CPU pointer
 *
 * The copy stays this CPU's until kcxx_put_cpu_ptr().
 */
void *kcxx_get_cpu_ptr(void __percpu *ptr)
{
	return get_cpu_ptr(ptr);
}

/**
 * kcxx_this_cpu_add_u64() - add to this CPU's u64 with this_cpu_add()
 * @ptr: the per-CPU pointer to a u64
 * @v: what to add
 *
 * Safe against preemption and interrupts on this CPU; one call, no guard.
 */
void kcxx_this_cpu_add_u64(void __percpu *ptr, u64 v)
{
	this_cpu_add(*(u64 __percpu *)ptr, v);
}

/** kcxx_put_cpu_ptr() - re-enable preemption after kcxx_get_cpu_ptr() */
void kcxx_put_cpu_ptr(void)
{
	preempt_enable();
}

/**
 * kcxx_next_possible_cpu() - the next possible CPU after @prev
 * @prev: a CPU number, or -1 to start
 *
 * Return: the CPU, or -1 when there is none (C++ cannot see nr_cpu_ids).
 */
int kcxx_next_possible_cpu(int prev)
{
	unsigned int cpu = cpumask_next(prev, cpu_possible_mask);

	return cpu < nr_cpu_ids ? cpu : -1;
}

/** kcxx_num_possible_cpus() - how many CPUs this system may ever have */
int kcxx_num_possible_cpus(void)
{
	return num_possible_cpus();
}
