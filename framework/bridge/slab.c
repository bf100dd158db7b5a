// SPDX-License-Identifier: GPL-2.0
/*
 * Slab allocator bridge: kmalloc() is an inline (and a _noprof macro on 6.10+).
 */
#include <linux/slab.h>
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
