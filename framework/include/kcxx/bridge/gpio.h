/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/gpio/consumer.h>: GPIO descriptors, logical values
 * (GPIO_ACTIVE_LOW is applied by gpiolib).
 */
#ifndef KCXX_BRIDGE_GPIO_H
#define KCXX_BRIDGE_GPIO_H

#ifdef __cplusplus
extern "C" {
#endif

struct device;
struct fwnode_handle;
struct gpio_desc;

struct gpio_desc *kcxx_devm_fwnode_gpiod_get(struct device *dev, struct fwnode_handle *node,
					     const char *label);
int kcxx_gpiod_direction_output(struct gpio_desc *desc, int value);
int kcxx_gpiod_direction_input(struct gpio_desc *desc);
void kcxx_gpiod_set_value(struct gpio_desc *desc, int value);
void kcxx_gpiod_set_value_cansleep(struct gpio_desc *desc, int value);
int kcxx_gpiod_get_value_cansleep(struct gpio_desc *desc);
int kcxx_gpiod_cansleep(struct gpio_desc *desc);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_GPIO_H */
