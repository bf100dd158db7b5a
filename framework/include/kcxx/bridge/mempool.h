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

struct mempool_s;
struct mempool_s *kcxx_mempool_create(int min_nr, struct kcxx_mempool_source *source);
void kcxx_mempool_destroy(struct mempool_s *pool);
void *kcxx_mempool_alloc(struct mempool_s *pool, unsigned int gfp);
void kcxx_mempool_free(void *element, struct mempool_s *pool);
int kcxx_mempool_reserve(const struct mempool_s *pool);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_MEMPOOL_H */
