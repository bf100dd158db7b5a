// SPDX-License-Identifier: GPL-2.0
/*
 * dmaengine client bridge: dmaengine_prep_dma_memcpy(), dmaengine_submit(),
 * dma_async_issue_pending(), dmaengine_terminate_sync() and
 * dmaengine_tx_status() are inlines, dma_cap_set() a macro. A dma_addr_t
 * crosses as unsigned long long, a cookie as int.
 */
#include <linux/build_bug.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <kcxx/bridge/dmaengine.h>

static_assert(sizeof(dma_cookie_t) == sizeof(int), "kcxx passes dma_cookie_t as int");

/**
 * kcxx_dma_request_chan() - request the channel named @name in @dev's "dmas"
 * @dev: the client device
 * @name: an entry of its "dma-names"
 *
 * Context: process context; may sleep.
 * Return: the channel, or an ERR_PTR: -EPROBE_DEFER when the provider has
 * not registered yet, -ENODEV when there is no such channel.
 */
struct dma_chan *kcxx_dma_request_chan(struct device *dev, const char *name)
{
	return dma_request_chan(dev, name);
}

/**
 * kcxx_dma_request_memcpy_chan() - request any channel that can do DMA_MEMCPY
 *
 * Context: process context; may sleep.
 * Return: the channel, or an ERR_PTR: -ENODEV when none is free, or
 * -EPROBE_DEFER when no DMA controller has registered at all.
 */
struct dma_chan *kcxx_dma_request_memcpy_chan(void)
{
	dma_cap_mask_t mask;

	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	return dma_request_chan_by_mask(&mask);
}

/**
 * kcxx_dma_release_channel() - give back a channel from a request above
 * @chan: the channel, with no transfer in flight
 *
 * Context: process context; may sleep.
 */
void kcxx_dma_release_channel(struct dma_chan *chan)
{
	dma_release_channel(chan);
}

/**
 * kcxx_dma_chan_dev() - the DMA controller's device, for mapping buffers
 * @chan: a requested channel
 *
 * Addresses handed to the channel must be mapped for this device, not for
 * the client's.
 */
struct device *kcxx_dma_chan_dev(struct dma_chan *chan)
{
	return dmaengine_get_dma_device(chan);
}

/** kcxx_dma_chan_name() - the channel's name, e.g. "dma0chan2" */
const char *kcxx_dma_chan_name(struct dma_chan *chan)
{
	return dma_chan_name(chan);
}

/**
 * kcxx_dma_chan_can_terminate() - whether the channel's transfers can be aborted
 * @chan: a requested channel
 *
 * dmaengine_terminate_sync() answers -ENOSYS for a controller without
 * device_terminate_all: a transfer that times out there keeps running.
 */
int kcxx_dma_chan_can_terminate(struct dma_chan *chan)
{
	return chan->device->device_terminate_all != NULL;
}

/** kcxx_dma_chan_max_seg_size() - the most one descriptor may carry, in bytes */
unsigned int kcxx_dma_chan_max_seg_size(struct dma_chan *chan)
{
	return dma_get_max_seg_size(dmaengine_get_dma_device(chan));
}

/** kcxx_dma_chan_has_memcpy() - whether the channel's controller can memcpy */
int kcxx_dma_chan_has_memcpy(struct dma_chan *chan)
{
	return dma_has_cap(DMA_MEMCPY, chan->device->cap_mask);
}

/** kcxx_dma_chan_copy_align() - log2 of the memcpy alignment, 0 for bytes */
unsigned int kcxx_dma_chan_copy_align(struct dma_chan *chan)
{
	return chan->device->copy_align;
}

/**
 * kcxx_dmaengine_prep_dma_memcpy() - prepare a memcpy descriptor
 * @chan: a DMA_MEMCPY-capable channel
 * @dst: destination, mapped for kcxx_dma_chan_dev()
 * @src: source, mapped likewise
 * @len: bytes
 * @flags: enum dma_ctrl_flags
 *
 * Return: the descriptor, owned by the channel until it is submitted, or
 * NULL when the controller cannot make it.
 */
struct dma_async_tx_descriptor *
kcxx_dmaengine_prep_dma_memcpy(struct dma_chan *chan, unsigned long long dst,
			       unsigned long long src, unsigned long len,
			       unsigned long flags)
{
	return dmaengine_prep_dma_memcpy(chan, dst, src, len, flags);
}

/**
 * kcxx_dmaengine_submit() - queue a prepared descriptor on its channel
 * @tx: the descriptor
 * @callback: called once the transfer ends (tasklet context), or NULL
 * @param: its argument
 *
 * Nothing starts before kcxx_dma_async_issue_pending().
 *
 * Return: the cookie, or a negative errno.
 */
int kcxx_dmaengine_submit(struct dma_async_tx_descriptor *tx,
			  void (*callback)(void *param), void *param)
{
	tx->callback = callback;
	tx->callback_param = param;
	return dmaengine_submit(tx);
}

/** kcxx_dma_async_issue_pending() - start the channel's submitted descriptors; any context */
void kcxx_dma_async_issue_pending(struct dma_chan *chan)
{
	dma_async_issue_pending(chan);
}

/**
 * kcxx_dmaengine_terminate_sync() - abort every descriptor of @chan
 * @chan: the channel
 *
 * Returns once no callback of the channel is running any more.
 *
 * Context: process context; may sleep.
 * Return: 0 or a negative errno.
 */
int kcxx_dmaengine_terminate_sync(struct dma_chan *chan)
{
	return dmaengine_terminate_sync(chan);
}

/**
 * kcxx_dmaengine_tx_status() - where the transfer of @cookie is
 * @chan: its channel
 * @cookie: from kcxx_dmaengine_submit()
 * @residue: set to the bytes not yet transferred
 *
 * Return: an enum dma_status.
 */
int kcxx_dmaengine_tx_status(struct dma_chan *chan, int cookie,
			     unsigned int *residue)
{
	struct dma_tx_state state = { 0 };
	enum dma_status status = dmaengine_tx_status(chan, cookie, &state);

	*residue = state.residue;
	return status;
}
