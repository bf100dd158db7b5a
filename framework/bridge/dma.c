// SPDX-License-Identifier: GPL-2.0
/*
 * DMA bridge: dma_map_single(), dma_alloc_coherent() and the sync calls are
 * macros or inlines (from 6.12 the syncs test dma_need_sync() inline first),
 * sg_set_buf() and sg_dma_address() are inlines and macros. A dma_addr_t
 * crosses as unsigned long long, a direction as int.
 */
#include <linux/build_bug.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/scatterlist.h>
#include <kcxx/bridge/dma.h>

static_assert(sizeof(dma_addr_t) == sizeof(unsigned long long),
	      "kcxx passes dma_addr_t as unsigned long long");

/**
 * kcxx_get_device() - take a reference on @dev
 * @dev: the device
 *
 * The reference keeps the struct device alive, not its driver binding.
 *
 * Return: @dev.
 */
struct device *kcxx_get_device(struct device *dev)
{
	return get_device(dev);
}

/**
 * kcxx_put_device() - drop a reference taken by kcxx_get_device()
 * @dev: the device
 *
 * Context: may sleep when it is the last reference (the device is released).
 */
void kcxx_put_device(struct device *dev)
{
	put_device(dev);
}

/**
 * kcxx_dma_set_mask_and_coherent() - set the streaming and coherent DMA masks
 * @dev: the device
 * @mask: the addresses the device can reach, DMA_BIT_MASK(n)
 *
 * Context: probe, before any mapping is made.
 * Return: 0, or -EIO when the platform cannot satisfy @mask.
 */
int kcxx_dma_set_mask_and_coherent(struct device *dev, unsigned long long mask)
{
	return dma_set_mask_and_coherent(dev, mask);
}

/** kcxx_dma_get_mask() - the streaming DMA mask of @dev */
/** kcxx_dma_get_max_seg_size() - the longest scatterlist entry @dev takes */
unsigned int kcxx_dma_get_max_seg_size(struct device *dev)
{
	return dma_get_max_seg_size(dev);
}

unsigned long long kcxx_dma_get_mask(struct device *dev)
{
	return dma_get_mask(dev);
}

/** kcxx_dma_get_coherent_mask() - the coherent DMA mask of @dev */
unsigned long long kcxx_dma_get_coherent_mask(const struct device *dev)
{
	return dev->coherent_dma_mask;
}

/**
 * kcxx_dma_alloc_coherent() - allocate zeroed memory both CPU and @dev see
 * @dev: the device, bound to a driver
 * @size: bytes
 * @handle: set to the memory's DMA address on success
 * @gfp: GFP flags
 *
 * Context: process context with GFP_KERNEL.
 * Return: the CPU address (at least page-aligned), or NULL.
 */
void *kcxx_dma_alloc_coherent(struct device *dev, unsigned long size,
			      unsigned long long *handle, unsigned int gfp)
{
	return dma_alloc_coherent(dev, size, (dma_addr_t *)handle, (__force gfp_t)gfp);
}

/**
 * kcxx_dma_free_coherent() - free memory from kcxx_dma_alloc_coherent()
 * @dev: the same device, still bound
 * @size: the size it was allocated with
 * @cpu: its CPU address
 * @handle: its DMA address
 *
 * Context: process context, interrupts enabled.
 */
void kcxx_dma_free_coherent(struct device *dev, unsigned long size, void *cpu,
			    unsigned long long handle)
{
	dma_free_coherent(dev, size, cpu, handle);
}

/**
 * kcxx_dma_map_single() - map @size bytes of kernel memory for streaming DMA
 * @dev: the device, bound to a driver
 * @ptr: linear-map memory (kmalloc, pages), not vmalloc or the stack
 * @size: bytes
 * @dir: enum dma_data_direction
 *
 * The CPU must not touch the memory until it is synced or unmapped.
 *
 * Return: the DMA address; test it with kcxx_dma_mapping_error().
 */
unsigned long long kcxx_dma_map_single(struct device *dev, void *ptr,
				       unsigned long size, int dir)
{
	return dma_map_single(dev, ptr, size, (enum dma_data_direction)dir);
}

/** kcxx_dma_mapping_error() - whether @handle is the failure of a map call */
int kcxx_dma_mapping_error(struct device *dev, unsigned long long handle)
{
	return dma_mapping_error(dev, handle);
}

/**
 * kcxx_dma_unmap_single() - undo kcxx_dma_map_single()
 * @dev: the same device
 * @handle: the DMA address it returned
 * @size: the same size
 * @dir: the same direction
 *
 * The memory belongs to the CPU again (synced for it) on return.
 */
void kcxx_dma_unmap_single(struct device *dev, unsigned long long handle,
			   unsigned long size, int dir)
{
	dma_unmap_single(dev, handle, size, (enum dma_data_direction)dir);
}

/** kcxx_dma_sync_single_for_cpu() - hand a streaming mapping to the CPU */
void kcxx_dma_sync_single_for_cpu(struct device *dev, unsigned long long handle,
				  unsigned long size, int dir)
{
	dma_sync_single_for_cpu(dev, handle, size, (enum dma_data_direction)dir);
}

/** kcxx_dma_sync_single_for_device() - hand a streaming mapping back to @dev */
void kcxx_dma_sync_single_for_device(struct device *dev, unsigned long long handle,
				     unsigned long size, int dir)
{
	dma_sync_single_for_device(dev, handle, size, (enum dma_data_direction)dir);
}

/**
 * kcxx_sg_alloc_table() - allocate @nents scatterlist entries in @sgt
 * @sgt: zeroed table storage
 * @nents: entries, at least 1
 * @gfp: GFP flags
 *
 * Return: 0 or -ENOMEM (then @sgt needs no kcxx_sg_free_table()).
 */
int kcxx_sg_alloc_table(struct sg_table *sgt, unsigned int nents, unsigned int gfp)
{
	return sg_alloc_table(sgt, nents, (__force gfp_t)gfp);
}

/** kcxx_sg_free_table() - free the entries of a table from kcxx_sg_alloc_table() */
void kcxx_sg_free_table(struct sg_table *sgt)
{
	sg_free_table(sgt);
}

/** kcxx_sg_table_sgl() - the first entry of @sgt */
struct scatterlist *kcxx_sg_table_sgl(struct sg_table *sgt)
{
	return sgt->sgl;
}

/** kcxx_sg_table_nents() - the DMA segments of a mapped @sgt */
unsigned int kcxx_sg_table_nents(const struct sg_table *sgt)
{
	return sgt->nents;
}

/** kcxx_sg_next() - the entry after @sg (following chains), or NULL at the end */
struct scatterlist *kcxx_sg_next(struct scatterlist *sg)
{
	return sg_next(sg);
}

/**
 * kcxx_sg_set_buf() - point @sg at @len bytes of linear-map memory
 * @sg: the entry
 * @buf: kmalloc or page memory, not vmalloc or the stack
 * @len: bytes
 */
void kcxx_sg_set_buf(struct scatterlist *sg, const void *buf, unsigned int len)
{
	sg_set_buf(sg, buf, len);
}

/** kcxx_sg_dma_address() - the DMA address of a mapped segment */
unsigned long long kcxx_sg_dma_address(const struct scatterlist *sg)
{
	return sg_dma_address(sg);
}

/** kcxx_sg_dma_len() - the length of a mapped segment */
unsigned int kcxx_sg_dma_len(const struct scatterlist *sg)
{
	return sg_dma_len(sg);
}

/**
 * kcxx_dma_map_sgtable() - map every entry of @sgt for streaming DMA
 * @dev: the device, bound to a driver
 * @sgt: the table; its nents becomes the number of DMA segments
 * @dir: enum dma_data_direction
 *
 * Return: 0, or a negative errno (-EINVAL, -ENOMEM, -EIO); nothing is mapped then.
 */
int kcxx_dma_map_sgtable(struct device *dev, struct sg_table *sgt, int dir)
{
	return dma_map_sgtable(dev, sgt, (enum dma_data_direction)dir, 0);
}

/** kcxx_dma_unmap_sgtable() - undo kcxx_dma_map_sgtable() */
void kcxx_dma_unmap_sgtable(struct device *dev, struct sg_table *sgt, int dir)
{
	dma_unmap_sgtable(dev, sgt, (enum dma_data_direction)dir, 0);
}

/** kcxx_dma_sync_sgtable_for_cpu() - hand a mapped table to the CPU */
void kcxx_dma_sync_sgtable_for_cpu(struct device *dev, struct sg_table *sgt, int dir)
{
	dma_sync_sgtable_for_cpu(dev, sgt, (enum dma_data_direction)dir);
}

/** kcxx_dma_sync_sgtable_for_device() - hand a mapped table back to @dev */
void kcxx_dma_sync_sgtable_for_device(struct device *dev, struct sg_table *sgt, int dir)
{
	dma_sync_sgtable_for_device(dev, sgt, (enum dma_data_direction)dir);
}

/**
 * kcxx_dma_pool_create() - create a pool of small coherent blocks for @dev
 * @name: name in the device's "pools" sysfs file (copied)
 * @dev: the device, bound to a driver
 * @size: block size
 * @align: block alignment, a power of two
 * @boundary: power of two no block may cross, or 0
 *
 * Context: process context; may sleep.
 * Return: the pool, or NULL.
 */
struct dma_pool *kcxx_dma_pool_create(const char *name, struct device *dev,
				      unsigned long size, unsigned long align,
				      unsigned long boundary)
{
	return dma_pool_create(name, dev, size, align, boundary);
}

/**
 * kcxx_dma_pool_destroy() - destroy a pool whose blocks are all freed
 * @pool: the pool
 *
 * Context: process context; may sleep.
 */
void kcxx_dma_pool_destroy(struct dma_pool *pool)
{
	dma_pool_destroy(pool);
}

/**
 * kcxx_dma_pool_alloc() - allocate one block from @pool
 * @pool: the pool
 * @gfp: GFP flags; GFP_ATOMIC in atomic context
 * @handle: set to the block's DMA address on success
 *
 * Return: the block's CPU address, or NULL.
 */
void *kcxx_dma_pool_alloc(struct dma_pool *pool, unsigned int gfp,
			  unsigned long long *handle)
{
	return dma_pool_alloc(pool, (__force gfp_t)gfp, (dma_addr_t *)handle);
}

/** kcxx_dma_pool_free() - return a block to the pool it came from; any context */
void kcxx_dma_pool_free(struct dma_pool *pool, void *vaddr, unsigned long long handle)
{
	dma_pool_free(pool, vaddr, handle);
}
