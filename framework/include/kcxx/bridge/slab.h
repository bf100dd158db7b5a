/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/slab.h> and <linux/vmalloc.h>. Shared by the C bridge and
 * C++; plain C types only.
 */
#ifndef KCXX_BRIDGE_SLAB_H
#define KCXX_BRIDGE_SLAB_H

#ifdef __cplusplus
extern "C" {
#endif

void *kcxx_kmalloc(unsigned long size, unsigned int gfp);
void kcxx_kfree(const void *ptr);
void *kcxx_vmalloc(unsigned long size);
void *kcxx_vzalloc(unsigned long size);
void kcxx_vfree(const void *ptr);

struct kmem_cache;
struct kmem_cache *kcxx_kmem_cache_create(const char *name, unsigned int size,
					  unsigned int align);
void kcxx_kmem_cache_destroy(struct kmem_cache *cache);
void *kcxx_kmem_cache_alloc(struct kmem_cache *cache, unsigned int gfp);
void kcxx_kmem_cache_free(struct kmem_cache *cache, void *obj);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_SLAB_H */
