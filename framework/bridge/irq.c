// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt bridge: a kcxx interrupt's handlers are C++ functions taking a
 * context; the kernel calls these trampolines with the registration's
 * storage as dev_id, which is never NULL (shared lines need a unique,
 * non-NULL cookie).
 */
#include <linux/gpio/consumer.h>
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <kcxx/bridge/irq.h>

static irqreturn_t kcxx_irq_hard(int irq, void *dev_id)
{
	struct kcxx_irq *k = dev_id;

	return (irqreturn_t)k->hard(k->ctx);
}

static irqreturn_t kcxx_irq_thread(int irq, void *dev_id)
{
	struct kcxx_irq *k = dev_id;

	return (irqreturn_t)k->thread(k->ctx);
}

/**
 * kcxx_request_threaded_irq() - register C++ handlers for @irq
 * @reg: storage for a struct kcxx_irq, alive until kcxx_free_irq(); the cookie
 * @irq: the line
 * @hard: called in hard interrupt context, or NULL (then @thread only, and
 *        IRQF_ONESHOT keeps the line masked until it returns)
 * @thread: called in a kernel thread when @hard returns IRQ_WAKE_THREAD, or NULL
 * @flags: IRQF_* (trigger, IRQF_SHARED, IRQF_ONESHOT...)
 * @name: shown in /proc/interrupts; must outlive the registration
 * @ctx: handed to both
 *
 * Context: process context; may sleep.
 * Return: 0 or a negative errno (-ENOMEM, -EINVAL, -EBUSY for a line not shared).
 */
int kcxx_request_threaded_irq(void *reg, unsigned int irq, kcxx_irq_fn hard, kcxx_irq_fn thread,
			      unsigned long flags, const char *name, void *ctx)
{
	struct kcxx_irq *k = reg;

	k->hard = hard;
	k->thread = thread;
	k->ctx = ctx;
	return request_threaded_irq(irq, hard ? kcxx_irq_hard : NULL,
				    thread ? kcxx_irq_thread : NULL, flags, name, k);
}

/**
 * kcxx_free_irq() - unregister the handlers of @reg
 *
 * Returns only when no handler of it is running; none runs afterwards.
 *
 * Context: process context; sleeps.
 */
void kcxx_free_irq(void *reg, unsigned int irq)
{
	free_irq(irq, reg);
}

/** kcxx_disable_irq() - mask @irq and wait for running handlers. Context: sleeps. */
void kcxx_disable_irq(unsigned int irq)
{
	disable_irq(irq);
}

/** kcxx_enable_irq() - undo one kcxx_disable_irq() */
void kcxx_enable_irq(unsigned int irq)
{
	enable_irq(irq);
}

/** kcxx_synchronize_irq() - wait for the handlers of @irq that are running */
void kcxx_synchronize_irq(unsigned int irq)
{
	synchronize_irq(irq);
}

/**
 * kcxx_platform_get_irq() - the @index-th interrupt of @pdev ("interrupts"
 * or "interrupts-extended")
 *
 * Return: the line, or a negative errno (-ENXIO: no such interrupt,
 * -EPROBE_DEFER: its controller is not ready). Logs nothing.
 */
int kcxx_platform_get_irq(struct platform_device *pdev, unsigned int index)
{
	return platform_get_irq_optional(pdev, index);
}

/**
 * kcxx_platform_get_irq_byname() - the interrupt @name of "interrupt-names"
 *
 * Return: as kcxx_platform_get_irq().
 */
int kcxx_platform_get_irq_byname(struct platform_device *pdev, const char *name)
{
	return platform_get_irq_byname_optional(pdev, name);
}

/** kcxx_gpiod_to_irq() - the interrupt of a GPIO line, or a negative errno */
int kcxx_gpiod_to_irq(struct gpio_desc *desc)
{
	return gpiod_to_irq(desc);
}
