/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DMA for kcxx drivers: <linux/dma-mapping.h>, <linux/dmapool.h> and
 * <linux/scatterlist.h>. One header per concept; this one includes them all.
 *
 *	kcxx/dma_addr.h		DmaAddr (a bus address, not a pointer), DmaDirection
 *	kcxx/dma_mask.h		set_dma_mask()
 *	kcxx/dma_coherent.h	DmaCoherent<T>, DmaCoherent<T[]>
 *	kcxx/dma_mapping.h	DmaMapping<Dir, T>: dma_map_single() of a Box<T>
 *	kcxx/dma_sg.h		SgMapping<Dir, T>: dma_map_sgtable() of Box<T>s
 *	kcxx/dma_pool.h		DmaPool<T>, DmaPoolBox<T>
 *
 * Documentation/framework/dma.rst has the whole story.
 */
#ifndef KCXX_DMA_H
#define KCXX_DMA_H

#include <kcxx/dma_addr.h>
#include <kcxx/dma_coherent.h>
#include <kcxx/dma_mapping.h>
#include <kcxx/dma_mask.h>
#include <kcxx/dma_pool.h>
#include <kcxx/dma_sg.h>

#endif // KCXX_DMA_H
