/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/dma-mapping.h>, <linux/dmapool.h> and <linux/scatterlist.h>.
 * Shared by the C bridge and C++; plain C types only: a dma_addr_t crosses as
 * unsigned long long (checked in bridge/dma.c), a DMA direction as the int of
 * enum dma_data_direction (KCXX_DMA_* in kcxx/generated/kconsts.h).
 */
#ifndef KCXX_BRIDGE_DMA_H
#define KCXX_BRIDGE_DMA_H

#ifdef __cplusplus
extern "C" {
#endif

struct device;
struct dma_pool;
struct scatterlist;
struct sg_table;

struct device *kcxx_get_device(struct device *dev);
void kcxx_put_device(struct device *dev);

int kcxx_dma_set_mask_and_coherent(struct device *dev, unsigned long long mask);
unsigned long long kcxx_dma_get_mask(struct device *dev);
unsigned int kcxx_dma_get_max_seg_size(struct device *dev);
unsigned long long kcxx_dma_get_coherent_mask(const struct device *dev);

void *kcxx_dma_alloc_coherent(struct device *dev, unsigned long size,
			      unsigned long long *handle, unsigned int gfp);
void kcxx_dma_free_coherent(struct device *dev, unsigned long size, void *cpu,
			    unsigned long long handle);

unsigned long long kcxx_dma_map_single(struct device *dev, void *ptr,
				       unsigned long size, int dir);
int kcxx_dma_mapping_error(struct device *dev, unsigned long long handle);
void kcxx_dma_unmap_single(struct device *dev, unsigned long long handle,
			   unsigned long size, int dir);
void kcxx_dma_sync_single_for_cpu(struct device *dev, unsigned long long handle,
				  unsigned long size, int dir);
void kcxx_dma_sync_single_for_device(struct device *dev, unsigned long long handle,
				     unsigned long size, int dir);

int kcxx_sg_alloc_table(struct sg_table *sgt, unsigned int nents, unsigned int gfp);
void kcxx_sg_free_table(struct sg_table *sgt);
struct scatterlist *kcxx_sg_table_sgl(struct sg_table *sgt);
unsigned int kcxx_sg_table_nents(const struct sg_table *sgt);
struct scatterlist *kcxx_sg_next(struct scatterlist *sg);
void kcxx_sg_set_buf(struct scatterlist *sg, const void *buf, unsigned int len);
unsigned long long kcxx_sg_dma_address(const struct scatterlist *sg);
unsigned int kcxx_sg_dma_len(const struct scatterlist *sg);
int kcxx_dma_map_sgtable(struct device *dev, struct sg_table *sgt, int dir);
void kcxx_dma_unmap_sgtable(struct device *dev, struct sg_table *sgt, int dir);
void kcxx_dma_sync_sgtable_for_cpu(struct device *dev, struct sg_table *sgt, int dir);
void kcxx_dma_sync_sgtable_for_device(struct device *dev, struct sg_table *sgt, int dir);

struct dma_pool *kcxx_dma_pool_create(const char *name, struct device *dev,
				      unsigned long size, unsigned long align,
				      unsigned long boundary);
void kcxx_dma_pool_destroy(struct dma_pool *pool);
void *kcxx_dma_pool_alloc(struct dma_pool *pool, unsigned int gfp,
			  unsigned long long *handle);
void kcxx_dma_pool_free(struct dma_pool *pool, void *vaddr, unsigned long long handle);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_DMA_H */
