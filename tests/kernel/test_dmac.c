// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx_test_dmac - a dmaengine memcpy provider that fails on request, to test
 * DMA clients against engines that misbehave (tests/dma/dma-faults.sh).
 *
 * Bound to "kcxx,test-dma-controller" nodes (#dma-cells = <1>: the channel).
 * The CPU does the copies, from a work item, as an engine would from its
 * interrupt. The module parameter `mode` says what the next issued
 * transfers do:
 *
 *	ok	complete at once
 *	late	complete after late_ms (after the client gave up)
 *	never	never complete (until terminated)
 *	error	complete without copying, reporting DMA_ERROR
 *
 * A node with "kcxx,no-terminate" has no device_terminate_all, like an
 * engine that cannot abort a transfer; "kcxx,copy-align = <N>" makes it
 * refuse (and report) memcpy addresses or lengths not a multiple of 2^N, as
 * engines that need aligned transfers do. Written in plain C: it is the
 * kernel's side of the test, a provider as a C driver would be.
 */
#include <linux/delay.h>
#include <linux/dma-direct.h>
#include <linux/dmaengine.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_dma.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/version.h>
#include <linux/workqueue.h>

#define KCXX_TEST_DMAC_CHANNELS 2

static char mode[8] = "ok";
module_param_string(mode, mode, sizeof(mode), 0644);
MODULE_PARM_DESC(mode, "what issued transfers do: ok, late, never, error");
static unsigned int late_ms = 1000;
module_param(late_ms, uint, 0644);
MODULE_PARM_DESC(late_ms, "how late a 'late' transfer completes");

struct kcxx_test_desc {
	struct dma_async_tx_descriptor tx;
	struct list_head node;
	dma_addr_t dst, src;
	size_t len;
};

struct kcxx_test_chan {
	struct dma_chan chan;
	spinlock_t lock;		/* protects the lists and the cookies */
	struct list_head submitted;	/* submitted, not issued */
	struct list_head issued;	/* issued, not completed */
	dma_cookie_t error_cookie;	/* the last transfer that failed */
	struct delayed_work work;
};

struct kcxx_test_dmac {
	struct dma_device dma;
	struct kcxx_test_chan chans[KCXX_TEST_DMAC_CHANNELS];
};

static struct kcxx_test_chan *to_tc(struct dma_chan *chan)
{
	return container_of(chan, struct kcxx_test_chan, chan);
}

static struct kcxx_test_desc *to_td(struct dma_async_tx_descriptor *tx)
{
	return container_of(tx, struct kcxx_test_desc, tx);
}

static dma_cookie_t kcxx_test_submit(struct dma_async_tx_descriptor *tx)
{
	struct kcxx_test_chan *tc = to_tc(tx->chan);
	unsigned long flags;
	dma_cookie_t cookie;

	spin_lock_irqsave(&tc->lock, flags);
	cookie = tc->chan.cookie + 1;
	if (cookie < DMA_MIN_COOKIE)
		cookie = DMA_MIN_COOKIE;
	tc->chan.cookie = cookie;
	tx->cookie = cookie;
	list_add_tail(&to_td(tx)->node, &tc->submitted);
	spin_unlock_irqrestore(&tc->lock, flags);
	return cookie;
}

static struct dma_async_tx_descriptor *
kcxx_test_prep_memcpy(struct dma_chan *chan, dma_addr_t dst, dma_addr_t src, size_t len,
		      unsigned long flags)
{
	unsigned long align = (1ul << chan->device->copy_align) - 1;
	struct kcxx_test_desc *d;

	if ((dst | src | len) & align) {
		pr_err("kcxx_test_dmac: %s: misaligned memcpy %pad <- %pad, %zu bytes (align %lu)\n",
		       dma_chan_name(chan), &dst, &src, len, align + 1);
		return NULL;
	}
	d = kzalloc(sizeof(*d), GFP_NOWAIT);
	if (!d)
		return NULL;
	dma_async_tx_descriptor_init(&d->tx, chan);
	d->tx.flags = flags;
	d->tx.tx_submit = kcxx_test_submit;
	d->dst = dst;
	d->src = src;
	d->len = len;
	INIT_LIST_HEAD(&d->node);
	return &d->tx;
}

static void kcxx_test_issue_pending(struct dma_chan *chan)
{
	struct kcxx_test_chan *tc = to_tc(chan);
	unsigned long flags;

	spin_lock_irqsave(&tc->lock, flags);
	list_splice_tail_init(&tc->submitted, &tc->issued);
	spin_unlock_irqrestore(&tc->lock, flags);
	if (!strncmp(mode, "never", 5))
		return;
	mod_delayed_work(system_wq, &tc->work,
			 !strncmp(mode, "late", 4) ? msecs_to_jiffies(late_ms) : 0);
}

/* The "engine": copies and completes the issued transfers in order. */
static void kcxx_test_run(struct work_struct *work)
{
	struct kcxx_test_chan *tc = container_of(to_delayed_work(work), struct kcxx_test_chan, work);
	struct device *dev = tc->chan.device->dev;
	bool fail = !strncmp(mode, "error", 5);

	for (;;) {
		struct dmaengine_result result = { .result = DMA_TRANS_NOERROR };
		dma_async_tx_callback_result cb_result;
		dma_async_tx_callback cb;
		struct kcxx_test_desc *d;
		unsigned long flags;
		void *param;

		spin_lock_irqsave(&tc->lock, flags);
		d = list_first_entry_or_null(&tc->issued, struct kcxx_test_desc, node);
		if (!d) {
			spin_unlock_irqrestore(&tc->lock, flags);
			return;
		}
		list_del(&d->node);
		spin_unlock_irqrestore(&tc->lock, flags);
		/* Off the lists, the descriptor is the engine's until completed;
		 * terminate_sync() waits for this work item (device_synchronize).
		 * The node is dma-coherent: the linear map is the buffer.
		 */
		if (fail)
			result.result = DMA_TRANS_READ_FAILED;
		else
			memcpy(phys_to_virt(dma_to_phys(dev, d->dst)),
			       phys_to_virt(dma_to_phys(dev, d->src)), d->len);
		spin_lock_irqsave(&tc->lock, flags);
		if (fail)
			tc->error_cookie = d->tx.cookie;
		tc->chan.completed_cookie = d->tx.cookie;
		cb = d->tx.callback;
		cb_result = d->tx.callback_result;
		param = d->tx.callback_param;
		spin_unlock_irqrestore(&tc->lock, flags);
		if (cb_result)
			cb_result(param, &result);
		else if (cb)
			cb(param);
		kfree(d);
	}
}

static enum dma_status kcxx_test_tx_status(struct dma_chan *chan, dma_cookie_t cookie,
					   struct dma_tx_state *state)
{
	struct kcxx_test_chan *tc = to_tc(chan);
	enum dma_status status;
	unsigned long flags;

	spin_lock_irqsave(&tc->lock, flags);
	if (cookie == tc->error_cookie)
		status = DMA_ERROR;
	else if (cookie <= chan->completed_cookie)
		status = DMA_COMPLETE;
	else
		status = DMA_IN_PROGRESS;
	spin_unlock_irqrestore(&tc->lock, flags);
	if (state) {
		state->last = chan->completed_cookie;
		state->used = chan->cookie;
		state->residue = 0;
	}
	return status;
}

static void kcxx_test_free_list(struct list_head *list)
{
	struct kcxx_test_desc *d, *next;

	list_for_each_entry_safe(d, next, list, node) {
		list_del(&d->node);
		kfree(d);
	}
}

static int kcxx_test_terminate_all(struct dma_chan *chan)
{
	struct kcxx_test_chan *tc = to_tc(chan);
	unsigned long flags;
	LIST_HEAD(dead);

	spin_lock_irqsave(&tc->lock, flags);
	list_splice_tail_init(&tc->submitted, &dead);
	list_splice_tail_init(&tc->issued, &dead);
	spin_unlock_irqrestore(&tc->lock, flags);
	kcxx_test_free_list(&dead);
	return 0;
}

static void kcxx_test_synchronize(struct dma_chan *chan)
{
	/* A copy the work item had already taken completes before this returns. */
	cancel_delayed_work_sync(&to_tc(chan)->work);
}

static void kcxx_test_free_chan_resources(struct dma_chan *chan)
{
	struct kcxx_test_chan *tc = to_tc(chan);

	cancel_delayed_work_sync(&tc->work);
	kcxx_test_free_list(&tc->submitted);
	kcxx_test_free_list(&tc->issued);
}

static int kcxx_test_dmac_probe(struct platform_device *pdev)
{
	struct kcxx_test_dmac *dmac;
	u32 align = 0;
	int i, ret;

	dmac = devm_kzalloc(&pdev->dev, sizeof(*dmac), GFP_KERNEL);
	if (!dmac)
		return -ENOMEM;
	ret = dma_coerce_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (ret)
		return ret;
	dma_cap_set(DMA_MEMCPY, dmac->dma.cap_mask);
	of_property_read_u32(pdev->dev.of_node, "kcxx,copy-align", &align);
	dmac->dma.copy_align = align;
	dmac->dma.dev = &pdev->dev;
	dmac->dma.device_prep_dma_memcpy = kcxx_test_prep_memcpy;
	dmac->dma.device_issue_pending = kcxx_test_issue_pending;
	dmac->dma.device_tx_status = kcxx_test_tx_status;
	dmac->dma.device_free_chan_resources = kcxx_test_free_chan_resources;
	if (!of_property_read_bool(pdev->dev.of_node, "kcxx,no-terminate")) {
		dmac->dma.device_terminate_all = kcxx_test_terminate_all;
		dmac->dma.device_synchronize = kcxx_test_synchronize;
	}
	INIT_LIST_HEAD(&dmac->dma.channels);
	for (i = 0; i < KCXX_TEST_DMAC_CHANNELS; i++) {
		struct kcxx_test_chan *tc = &dmac->chans[i];

		spin_lock_init(&tc->lock);
		INIT_LIST_HEAD(&tc->submitted);
		INIT_LIST_HEAD(&tc->issued);
		INIT_DELAYED_WORK(&tc->work, kcxx_test_run);
		tc->chan.device = &dmac->dma;
		list_add_tail(&tc->chan.device_node, &dmac->dma.channels);
	}
	ret = dmaenginem_async_device_register(&dmac->dma);
	if (ret)
		return ret;
	ret = of_dma_controller_register(pdev->dev.of_node, of_dma_xlate_by_chan_id, &dmac->dma);
	if (ret)
		return ret;
	platform_set_drvdata(pdev, dmac);
	dev_info(&pdev->dev, "%d memcpy channels%s\n", KCXX_TEST_DMAC_CHANNELS,
		 dmac->dma.device_terminate_all ? "" : ", which cannot terminate");
	return 0;
}

static void kcxx_test_dmac_remove(struct platform_device *pdev)
{
	of_dma_controller_free(pdev->dev.of_node);
}

static const struct of_device_id kcxx_test_dmac_of[] = {
	{ .compatible = "kcxx,test-dma-controller" },
	{}
};
MODULE_DEVICE_TABLE(of, kcxx_test_dmac_of);

static struct platform_driver kcxx_test_dmac_driver = {
	.probe = kcxx_test_dmac_probe,
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 11, 0)
	.remove = kcxx_test_dmac_remove,
#else
	.remove_new = kcxx_test_dmac_remove,
#endif
	.driver = {
		.name = "kcxx-test-dmac",
		.of_match_table = kcxx_test_dmac_of,
	},
};
module_platform_driver(kcxx_test_dmac_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kcxx test fixture: a dmaengine memcpy provider that fails on request");
