// SPDX-License-Identifier: GPL-2.0
/*
 * Allocator bridge: kmalloc() is an inline (and a _noprof macro from 6.10),
 * kmem_cache_create() became a _Generic macro in 6.12.
 */
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <kcxx/bridge/slab.h>

/**
 * kcxx_kmalloc() - allocate @size bytes with kmalloc()
 * @size: bytes to allocate
 * @gfp: GFP flags; GFP_KERNEL may sleep, GFP_ATOMIC may not
 *
 * Return: the memory, or NULL when the allocation failed.
 */
void *kcxx_kmalloc(unsigned long size, unsigned int gfp)
{
	return kmalloc(size, (__force gfp_t)gfp);
}

/**
 * kcxx_kfree() - free memory from kcxx_kmalloc()
 * @ptr: the memory, or NULL
 */
void kcxx_kfree(const void *ptr)
{
	kfree(ptr);
}

/**
 * kcxx_vmalloc() - allocate @size virtually contiguous bytes
 * @size: bytes to allocate
 *
 * Context: process context; may sleep.
 * Return: the memory, or NULL.
 */
void *kcxx_vmalloc(unsigned long size)
{
	return vmalloc(size);
}

/**
 * kcxx_vzalloc() - allocate @size zeroed, virtually contiguous bytes
 * @size: bytes to allocate
 *
 * Context: process context; may sleep.
 * Return: the memory, or NULL.
 */
void *kcxx_vzalloc(unsigned long size)
{
	return vzalloc(size);
}

/**
 * kcxx_vfree() - free memory from kcxx_vmalloc() or kcxx_vzalloc()
 * @ptr: the memory, or NULL
 *
 * Context: process context, or deferred by vfree() itself from interrupts.
 */
void kcxx_vfree(const void *ptr)
{
	vfree(ptr);
}

/**
 * kcxx_kmem_cache_create() - create a slab cache of @size-byte objects
 * @name: name in /proc/slabinfo; must outlive the cache
 * @size: object size
 * @align: object alignment
 *
 * Context: process context; may sleep.
 * Return: the cache, or NULL.
 */
struct kmem_cache *kcxx_kmem_cache_create(const char *name, unsigned int size,
					  unsigned int align)
{
	return kmem_cache_create(name, size, align, 0, NULL);
}

/**
 * kcxx_kmem_cache_destroy() - destroy a cache whose objects are all freed
 * @cache: the cache, or NULL
 *
 * Context: process context; may sleep.
 */
void kcxx_kmem_cache_destroy(struct kmem_cache *cache)
{
	kmem_cache_destroy(cache);
}

/**
 * kcxx_kmem_cache_alloc() - allocate one object from @cache
 * @cache: the cache
 * @gfp: GFP flags
 *
 * Return: the object, or NULL.
 */
void *kcxx_kmem_cache_alloc(struct kmem_cache *cache, unsigned int gfp)
{
	return kmem_cache_alloc(cache, (__force gfp_t)gfp);
}

/**
 * kcxx_kmem_cache_free() - return an object to the cache it came from
 * @cache: the cache
 * @obj: the object
 */
void kcxx_kmem_cache_free(struct kmem_cache *cache, void *obj)
{
	kmem_cache_free(cache, obj);
}
