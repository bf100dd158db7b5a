/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/dmaengine.h> for DMA clients. Shared by the C bridge and
 * C++; plain C types only: a dma_addr_t crosses as unsigned long long, a
 * dma_cookie_t as int, an enum dma_status as int (KCXX_DMA_COMPLETE...).
 */
#ifndef KCXX_BRIDGE_DMAENGINE_H
#define KCXX_BRIDGE_DMAENGINE_H

#ifdef __cplusplus
extern "C" {
#endif

struct device;
struct dma_chan;
struct dma_async_tx_descriptor;

struct dma_chan *kcxx_dma_request_chan(struct device *dev, const char *name);
struct dma_chan *kcxx_dma_request_memcpy_chan(void);
void kcxx_dma_release_channel(struct dma_chan *chan);
struct device *kcxx_dma_chan_dev(struct dma_chan *chan);
const char *kcxx_dma_chan_name(struct dma_chan *chan);
int kcxx_dma_chan_can_terminate(struct dma_chan *chan);
unsigned int kcxx_dma_chan_max_seg_size(struct dma_chan *chan);
int kcxx_dma_chan_has_memcpy(struct dma_chan *chan);
unsigned int kcxx_dma_chan_copy_align(struct dma_chan *chan);

struct dma_async_tx_descriptor *
kcxx_dmaengine_prep_dma_memcpy(struct dma_chan *chan, unsigned long long dst,
			       unsigned long long src, unsigned long len, unsigned long flags);
int kcxx_dmaengine_submit(struct dma_async_tx_descriptor *tx, void (*callback)(void *param),
			  void *param);
void kcxx_dma_async_issue_pending(struct dma_chan *chan);
int kcxx_dmaengine_terminate_sync(struct dma_chan *chan);
int kcxx_dmaengine_tx_status(struct dma_chan *chan, int cookie, unsigned int *residue);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_DMAENGINE_H */
