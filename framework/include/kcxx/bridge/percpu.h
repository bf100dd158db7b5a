/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/percpu.h> and <linux/cpumask.h>.
 */
#ifndef KCXX_BRIDGE_PERCPU_H
#define KCXX_BRIDGE_PERCPU_H

#ifdef __cplusplus
#define KCXX_PERCPU
extern "C" {
#else
#define KCXX_PERCPU __percpu
#endif

void KCXX_PERCPU *kcxx_alloc_percpu(unsigned long size, unsigned long align);
void kcxx_free_percpu(void KCXX_PERCPU *ptr);
void *kcxx_per_cpu_ptr(void KCXX_PERCPU *ptr, int cpu);
void *kcxx_get_cpu_ptr(void KCXX_PERCPU *ptr);
void kcxx_put_cpu_ptr(void);
void kcxx_this_cpu_add_u64(void KCXX_PERCPU *ptr, unsigned long long v);
int kcxx_next_possible_cpu(int prev);
int kcxx_num_possible_cpus(void);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_PERCPU_H */
