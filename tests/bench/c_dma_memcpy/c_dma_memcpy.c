// SPDX-License-Identifier: GPL-2.0
/*
 * c_dma_memcpy - the plain C twin of kcxx-dma-memcpy, for the DMA benchmark
 * (tools/kcxx-bench, tests/bench/dma_bench.c).
 *
 * A dmaengine memcpy client written the classic way, on the kernel's headers
 * alone: it binds to compatible "kcxx,bench-c-dma-memcpy", takes the channel
 * "memcpy" of its node's dmas/dma-names (or, without them, any DMA_MEMCPY
 * channel), allocates two coherent buffers for the controller and, when
 * "SIZE ITERATIONS MODE" is written to its sysfs file "run", copies between
 * them: one memcpy descriptor per copy, submitted, issued and waited for.
 *
 *   fixed   every copy is SIZE bytes, buffer start to buffer start;
 *   random  the kcxx self-test's copies (dmatest's): a random length of
 *           1..SIZE bytes at random source and destination offsets.
 *
 * As kcxx-dma-memcpy does, the last bytes of a copy past a multiple of
 * kcxx,length-align (QEMU's BCM2835 model needs 4) are copied by the CPU.
 * "results" then reads "mode=... size=... iterations=... bytes=... ns=...".
 */
#include <linux/completion.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#define C_DMA_DEFAULT_SIZE	(1U << 20)
#define C_DMA_MAX_SIZE		(1U << 30)
#define C_DMA_MAX_ALIGN		4096U
#define C_DMA_TIMEOUT_MS	3000

struct c_dma {
	struct dma_chan *chan;
	struct device *engine;		/* the controller, which the buffers are for */
	u32 size;
	u32 align;			/* DMA lengths are multiples of it */
	void *src;
	void *dst;
	dma_addr_t src_dma;
	dma_addr_t dst_dma;
	struct mutex lock;		/* one run at a time; guards the results */
	bool random;
	u32 run_size;
	u32 iterations;
	u64 bytes;
	u64 ns;
	int error;
};

static void c_dma_done(void *param)
{
	complete(param);
}

/* One transfer of @len bytes by DMA between the coherent buffers. */
static int c_dma_transfer(struct c_dma *c, u32 dst_off, u32 src_off, u32 len)
{
	struct dma_async_tx_descriptor *tx;
	DECLARE_COMPLETION_ONSTACK(done);
	dma_cookie_t cookie;

	tx = dmaengine_prep_dma_memcpy(c->chan, c->dst_dma + dst_off,
				       c->src_dma + src_off, len,
				       DMA_PREP_INTERRUPT | DMA_CTRL_ACK);
	if (!tx)
		return -ENOMEM;
	tx->callback = c_dma_done;
	tx->callback_param = &done;
	cookie = dmaengine_submit(tx);
	if (dma_submit_error(cookie))
		return -EIO;
	dma_async_issue_pending(c->chan);
	if (!wait_for_completion_timeout(&done,
					 msecs_to_jiffies(C_DMA_TIMEOUT_MS))) {
		/* Nothing of ours may run once this returns: done is on the stack. */
		dmaengine_terminate_sync(c->chan);
		return -ETIMEDOUT;
	}
	if (dmaengine_tx_status(c->chan, cookie, NULL) != DMA_COMPLETE)
		return -EIO;
	return 0;
}

/* One copy: the DMA engine moves what length-align allows, the CPU the rest. */
static int c_dma_copy(struct c_dma *c, u32 dst_off, u32 src_off, u32 len)
{
	u32 by_dma = len & ~(c->align - 1);
	int ret;

	if (by_dma) {
		ret = c_dma_transfer(c, dst_off, src_off, by_dma);
		if (ret)
			return ret;
	}
	if (len > by_dma)
		memcpy(c->dst + dst_off + by_dma, c->src + src_off + by_dma,
		       len - by_dma);
	return 0;
}

static int c_dma_run(struct c_dma *c, u32 size, u32 iterations, bool random)
{
	u32 copy_align = 1U << c->chan->device->copy_align;
	u64 bytes = 0;
	ktime_t start;
	u32 i;
	int ret = 0;

	start = ktime_get();
	for (i = 0; i < iterations; i++) {
		u32 len = size, src_off = 0, dst_off = 0;

		if (random) {
			/* As the kcxx self-test chooses them. */
			len = (get_random_u32() % size + 1) & ~(copy_align - 1);
			if (!len)
				len = copy_align;
			src_off = get_random_u32() % (size - len + 1);
			dst_off = get_random_u32() % (size - len + 1);
		}
		ret = c_dma_copy(c, dst_off, src_off, len);
		if (ret)
			break;
		bytes += len;
	}
	c->ns = ktime_to_ns(ktime_sub(ktime_get(), start));
	c->bytes = bytes;
	c->random = random;
	c->run_size = size;
	c->iterations = i;
	c->error = ret;
	return ret;
}

/* "SIZE ITERATIONS fixed|random": runs the copies in the writer's context. */
static ssize_t run_store(struct device *dev, struct device_attribute *attr,
			 const char *buf, size_t count)
{
	struct c_dma *c = dev_get_drvdata(dev);
	u32 size, iterations;
	char mode[8];
	bool random;
	int ret;

	if (sscanf(buf, "%u %u %7s", &size, &iterations, mode) != 3)
		return -EINVAL;
	if (!strcmp(mode, "fixed"))
		random = false;
	else if (!strcmp(mode, "random"))
		random = true;
	else
		return -EINVAL;
	if (!size || size > c->size || !iterations)
		return -EINVAL;
	if (size < (1U << c->chan->device->copy_align))
		return -EINVAL;

	ret = mutex_lock_interruptible(&c->lock);
	if (ret)
		return ret;
	ret = c_dma_run(c, size, iterations, random);
	if (ret)
		dev_err(dev, "copy %u of %u failed: %d\n", c->iterations + 1,
			iterations, ret);
	mutex_unlock(&c->lock);
	return ret ? ret : count;
}
static DEVICE_ATTR_WO(run);

static ssize_t results_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	struct c_dma *c = dev_get_drvdata(dev);
	ssize_t len;

	mutex_lock(&c->lock);
	len = sysfs_emit(buf,
			 "mode=%s size=%u iterations=%u bytes=%llu ns=%llu error=%d\n",
			 c->random ? "random" : "fixed", c->run_size,
			 c->iterations, c->bytes, c->ns, c->error);
	mutex_unlock(&c->lock);
	return len;
}
static DEVICE_ATTR_RO(results);

static ssize_t channel_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	struct c_dma *c = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%s\n", dma_chan_name(c->chan));
}
static DEVICE_ATTR_RO(channel);

static struct attribute *c_dma_attrs[] = {
	&dev_attr_run.attr,
	&dev_attr_results.attr,
	&dev_attr_channel.attr,
	NULL
};
ATTRIBUTE_GROUPS(c_dma);

static void c_dma_release_channel(void *chan)
{
	dma_release_channel(chan);
}

static void c_dma_free_buffers(void *data)
{
	struct c_dma *c = data;

	dma_free_coherent(c->engine, c->size, c->dst, c->dst_dma);
	dma_free_coherent(c->engine, c->size, c->src, c->src_dma);
}

static struct dma_chan *c_dma_request_channel(struct device *dev)
{
	dma_cap_mask_t mask;

	if (device_property_present(dev, "dmas"))
		return dma_request_chan(dev, "memcpy");
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	return dma_request_chan_by_mask(&mask);
}

static int c_dma_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct c_dma *c;
	int ret;

	c = devm_kzalloc(dev, sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	mutex_init(&c->lock);

	c->size = C_DMA_DEFAULT_SIZE;
	device_property_read_u32(dev, "kcxx,buffer-size", &c->size);
	if (!c->size || c->size > C_DMA_MAX_SIZE)
		return dev_err_probe(dev, -EINVAL, "bad kcxx,buffer-size %u\n",
				     c->size);
	c->align = 1;
	device_property_read_u32(dev, "kcxx,length-align", &c->align);
	if (!c->align || c->align > C_DMA_MAX_ALIGN ||
	    (c->align & (c->align - 1)))
		return dev_err_probe(dev, -EINVAL, "bad kcxx,length-align %u\n",
				     c->align);

	c->chan = c_dma_request_channel(dev);
	if (IS_ERR(c->chan))
		return dev_err_probe(dev, PTR_ERR(c->chan),
				     "no DMA_MEMCPY channel\n");
	ret = devm_add_action_or_reset(dev, c_dma_release_channel, c->chan);
	if (ret)
		return ret;
	if (!dma_has_cap(DMA_MEMCPY, c->chan->device->cap_mask))
		return dev_err_probe(dev, -EINVAL, "channel %s cannot memcpy\n",
				     dma_chan_name(c->chan));
	c->align = max(c->align, 1U << c->chan->device->copy_align);

	c->engine = c->chan->device->dev;
	c->src = dma_alloc_coherent(c->engine, c->size, &c->src_dma,
				    GFP_KERNEL);
	if (!c->src)
		return -ENOMEM;
	c->dst = dma_alloc_coherent(c->engine, c->size, &c->dst_dma,
				    GFP_KERNEL);
	if (!c->dst) {
		dma_free_coherent(c->engine, c->size, c->src, c->src_dma);
		return -ENOMEM;
	}
	ret = devm_add_action_or_reset(dev, c_dma_free_buffers, c);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, c);
	dev_info(dev, "DMA channel %s, %u-byte buffers, length align %u\n",
		 dma_chan_name(c->chan), c->size, c->align);
	return 0;
}

static const struct of_device_id c_dma_of_match[] = {
	{ .compatible = "kcxx,bench-c-dma-memcpy" },
	{ }
};
MODULE_DEVICE_TABLE(of, c_dma_of_match);

static struct platform_driver c_dma_driver = {
	.probe = c_dma_probe,
	.driver = {
		.name = "bench-c-dma-memcpy",
		.of_match_table = c_dma_of_match,
		.dev_groups = c_dma_groups,
	},
};
module_platform_driver(c_dma_driver);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcxx developers");
MODULE_DESCRIPTION("Plain C dmaengine memcpy client: kcxx-dma-memcpy's twin for benchmarks");
