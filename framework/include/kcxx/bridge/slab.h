/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/slab.h>. Shared by the C bridge and C++; plain C types only.
 */
#ifndef KCXX_BRIDGE_SLAB_H
#define KCXX_BRIDGE_SLAB_H

#ifdef __cplusplus
extern "C" {
#endif

void *kcxx_kmalloc(unsigned long size, unsigned int gfp);
void kcxx_kfree(const void *ptr);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_SLAB_H */
