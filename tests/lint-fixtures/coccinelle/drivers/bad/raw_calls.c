// SPDX-License-Identifier: GPL-2.0
/*
 * Coccinelle fixture (never built): C glue of a driver that bypasses the
 * bridge and frees with a redundant NULL test.
 *
 * lint-expect: raw ioremap\(\) outside the bridge
 * lint-expect: raw kzalloc\(\) outside the bridge
 * lint-expect: raw request_irq\(\) outside the bridge
 * lint-expect: NULL check before some freeing functions is not needed
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/slab.h>

struct bad_priv {
	void __iomem *regs;
	int *buf;
};

static irqreturn_t bad_irq(int irq, void *data)
{
	return IRQ_HANDLED;
}

int bad_setup(struct bad_priv *priv, int irq)
{
	priv->regs = ioremap(0x09030000, 0x1000);
	priv->buf = kzalloc(64, GFP_KERNEL);
	return request_irq(irq, bad_irq, 0, "bad", priv);
}

void bad_teardown(struct bad_priv *priv)
{
	if (priv->buf)
		kfree(priv->buf);
}
