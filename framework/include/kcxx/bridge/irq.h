/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/interrupt.h>: requesting, freeing, disabling interrupt
 * lines, and the lines of platform devices and GPIOs.
 */
#ifndef KCXX_BRIDGE_IRQ_H
#define KCXX_BRIDGE_IRQ_H

#ifdef __cplusplus
extern "C" {
#endif

struct device;
struct gpio_desc;
struct platform_device;

/* Both return an irqreturn_t value: IRQ_NONE, IRQ_HANDLED, IRQ_WAKE_THREAD. */
typedef int (*kcxx_irq_fn)(void *ctx);

int kcxx_request_threaded_irq(void *reg, unsigned int irq, kcxx_irq_fn hard, kcxx_irq_fn thread,
			      unsigned long flags, const char *name, void *ctx);
void kcxx_free_irq(void *reg, unsigned int irq);
void kcxx_disable_irq(unsigned int irq);
void kcxx_enable_irq(unsigned int irq);
void kcxx_synchronize_irq(unsigned int irq);
int kcxx_platform_get_irq(struct platform_device *pdev, unsigned int index);
int kcxx_platform_get_irq_byname(struct platform_device *pdev, const char *name);
int kcxx_gpiod_to_irq(struct gpio_desc *desc);

#ifdef __cplusplus
}
#else
/* What C++ reserves (opaque, sized by kconsts) for each registration. */
struct kcxx_irq {
	kcxx_irq_fn hard;
	kcxx_irq_fn thread;
	void *ctx;
};
#endif

#endif /* KCXX_BRIDGE_IRQ_H */
