// SPDX-License-Identifier: GPL-2.0
/*
 * Memory-pool bridge: mempool_create() and mempool_alloc() are macros from
 * 6.10 (allocation tagging). The element source is C++'s; the pool calls it
 * through these two functions of mempool_alloc_t/mempool_free_t's exact
 * types, so indirect-call checking (CFI) sees the types it expects.
 */
#include <linux/mempool.h>
#include <kcxx/bridge/mempool.h>

/* C++ holds a mempool_t as an opaque struct kcxx_mempool. */
static mempool_t *to_mempool(struct kcxx_mempool *pool)
{
	return (mempool_t *)pool;
}

static void *kcxx_mempool_source_alloc(gfp_t gfp, void *pool_data)
{
	struct kcxx_mempool_source *source = pool_data;

	return source->alloc((__force unsigned int)gfp, source->ctx);
}

static void kcxx_mempool_source_free(void *element, void *pool_data)
{
	struct kcxx_mempool_source *source = pool_data;

	source->free(element, source->ctx);
}

/**
 * kcxx_mempool_create() - a pool that keeps @min_nr elements in reserve
 * @min_nr: elements allocated now and kept for when @source fails
 * @source: the element source; must outlive the pool
 *
 * Context: process context; may sleep.
 * Return: the pool, or NULL when the reserve could not be filled.
 */
struct kcxx_mempool *kcxx_mempool_create(int min_nr, struct kcxx_mempool_source *source)
{
	return (struct kcxx_mempool *)mempool_create(min_nr, kcxx_mempool_source_alloc,
						     kcxx_mempool_source_free, source);
}

/**
 * kcxx_mempool_destroy() - free the reserve and the pool
 * @pool: the pool; every element taken from it has been given back
 */
void kcxx_mempool_destroy(struct kcxx_mempool *pool)
{
	mempool_destroy(to_mempool(pool));
}

/**
 * kcxx_mempool_alloc() - an element from the source, else from the reserve
 * @pool: the pool
 * @gfp: GFP flags; with __GFP_DIRECT_RECLAIM (GFP_KERNEL) this waits for an
 *       element to come back rather than fail
 *
 * Return: the element, or NULL (only without __GFP_DIRECT_RECLAIM).
 */
void *kcxx_mempool_alloc(struct kcxx_mempool *pool, unsigned int gfp)
{
	return mempool_alloc(to_mempool(pool), (__force gfp_t)gfp);
}

/**
 * kcxx_mempool_free() - give an element back (to the reserve if it is short)
 * @element: from kcxx_mempool_alloc() on @pool
 * @pool: the pool
 */
void kcxx_mempool_free(void *element, struct kcxx_mempool *pool)
{
	mempool_free(element, to_mempool(pool));
}

/**
 * kcxx_mempool_reserve() - elements in the reserve now (a snapshot)
 * @pool: the pool
 *
 * Return: pool->curr_nr, read without the pool's lock.
 */
int kcxx_mempool_reserve(const struct kcxx_mempool *pool)
{
	return READ_ONCE(((const mempool_t *)pool)->curr_nr);
}
