/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/mempool.h>. Shared by the C bridge and C++; plain C types
 * only.
 */
#ifndef KCXX_BRIDGE_MEMPOOL_H
#define KCXX_BRIDGE_MEMPOOL_H

#ifdef __cplusplus
extern "C" {
#endif

/**
 * struct kcxx_mempool_source - where a pool's elements come from
 * @alloc: one element's memory, or NULL; @gfp as mempool_alloc_t gets it
 * @free: give an element's memory back
 * @ctx: passed to both
 */
struct kcxx_mempool_source {
	void *(*alloc)(unsigned int gfp, void *ctx);
	void (*free)(void *element, void *ctx);
	void *ctx;
};

/* A kernel mempool_t, opaque (its struct tag is mempool_s before 7.0, mempool after). */
struct kcxx_mempool;
struct kcxx_mempool *kcxx_mempool_create(int min_nr, struct kcxx_mempool_source *source);
void kcxx_mempool_destroy(struct kcxx_mempool *pool);
void *kcxx_mempool_alloc(struct kcxx_mempool *pool, unsigned int gfp);
void kcxx_mempool_free(void *element, struct kcxx_mempool *pool);
int kcxx_mempool_reserve(const struct kcxx_mempool *pool);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_MEMPOOL_H */
