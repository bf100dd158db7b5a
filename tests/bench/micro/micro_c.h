/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The plain C half of kcxx_microbench: the C twin of every operation, and what
 * the harness needs of the kernel that kcxx does not wrap (CPU affinity).
 */
#ifndef KCXX_MICRO_C_H
#define KCXX_MICRO_C_H

#ifdef __cplusplus
extern "C" {
#endif

/* One benchmark body: `iterations` operations, a checksum so none is elided. */
typedef unsigned long long (*micro_body)(unsigned long long iterations);

int micro_c_setup(void);
void micro_c_teardown(void);
void *micro_c_iomem(void); /* the PL061 of QEMU virt, or NULL */

unsigned long long micro_c_kmem_cache(unsigned long long iterations);
unsigned long long micro_c_kmalloc(unsigned long long iterations);
unsigned long long micro_c_shared_atomic(unsigned long long iterations);
unsigned long long micro_c_this_cpu(unsigned long long iterations);
unsigned long long micro_c_spinlock(unsigned long long iterations);
unsigned long long micro_c_errno(unsigned long long iterations);
unsigned long long micro_c_iomem_rw(unsigned long long iterations);

int micro_pin_to_cpu(unsigned int cpu);
unsigned long long micro_time_ns(micro_body body, unsigned long long iterations);
unsigned long long micro_time_two_cpus_ns(micro_body body, unsigned long long iterations);

#ifdef __cplusplus
}
#endif

#endif
