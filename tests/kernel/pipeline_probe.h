/* SPDX-License-Identifier: GPL-2.0 */
/* The C side of the pipeline test: what the kernel's own headers say. */
#ifndef KCXX_TESTS_PIPELINE_PROBE_H
#define KCXX_TESTS_PIPELINE_PROBE_H

#ifdef __cplusplus
extern "C" {
#endif

unsigned long kcxx_probe_sizeof_mutex(void);
unsigned long kcxx_probe_sizeof_spinlock(void);
unsigned int kcxx_probe_gfp_kernel(void);
unsigned int kcxx_probe_version_code(void);
int kcxx_probe_eprobe_defer(void);
const char *kcxx_probe_uts_release(void);

#ifdef __cplusplus
}
#endif

#endif
