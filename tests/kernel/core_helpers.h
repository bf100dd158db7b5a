/* SPDX-License-Identifier: GPL-2.0 */
/* Test-only helpers for core_test.cpp, written in C against kernel headers. */
#ifndef KCXX_TESTS_CORE_HELPERS_H
#define KCXX_TESTS_CORE_HELPERS_H

#ifdef __cplusplus
extern "C" {
#endif

/* Runs fn(arg, i) in @n kthreads, thread i bound to CPU i % possible CPUs; waits for all. */
int kcxx_test_run_threads(unsigned int n, void (*fn)(void *arg, unsigned int i), void *arg);
int kcxx_test_irqs_disabled(void);
unsigned long long kcxx_test_ktime_ns(void);
void kcxx_test_msleep(unsigned int ms);
void kcxx_test_cond_resched(void);

#ifdef __cplusplus
}
#endif

#endif
