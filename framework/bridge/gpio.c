// SPDX-License-Identifier: GPL-2.0
/*
 * GPIO consumer bridge. Values are logical: gpiolib applies the active-low
 * flag from the device tree, so drivers never invert by hand.
 */
#include <linux/gpio/consumer.h>
#include <kcxx/bridge/gpio.h>

/**
 * kcxx_devm_fwnode_gpiod_get() - the GPIO a node's "gpios" property names
 * @dev: the consumer, whose unbind releases the GPIO
 * @node: the node with the "gpios" property (e.g. one LED's child node)
 * @label: label for the GPIO in debugfs
 *
 * The line is requested as it is (GPIOD_ASIS): the caller sets direction.
 *
 * Return: the descriptor, or an ERR_PTR: -ENOENT without the property,
 * -EPROBE_DEFER when the controller has no driver yet, -EBUSY when the line
 * is taken.
 */
struct gpio_desc *kcxx_devm_fwnode_gpiod_get(struct device *dev, struct fwnode_handle *node,
					     const char *label)
{
	return devm_fwnode_gpiod_get(dev, node, NULL, GPIOD_ASIS, label);
}

/** kcxx_gpiod_direction_output() - make the line an output at logical @value */
int kcxx_gpiod_direction_output(struct gpio_desc *desc, int value)
{
	return gpiod_direction_output(desc, value);
}

/** kcxx_gpiod_direction_input() - make the line an input */
int kcxx_gpiod_direction_input(struct gpio_desc *desc)
{
	return gpiod_direction_input(desc);
}

/** kcxx_gpiod_set_value() - set a line whose controller does not sleep. Context: any. */
void kcxx_gpiod_set_value(struct gpio_desc *desc, int value)
{
	gpiod_set_value(desc, value);
}

/** kcxx_gpiod_set_value_cansleep() - set a line. Context: process context. */
void kcxx_gpiod_set_value_cansleep(struct gpio_desc *desc, int value)
{
	gpiod_set_value_cansleep(desc, value);
}

/** kcxx_gpiod_get_value_cansleep() - the line's logical value, or a negative errno */
int kcxx_gpiod_get_value_cansleep(struct gpio_desc *desc)
{
	return gpiod_get_value_cansleep(desc);
}

/** kcxx_gpiod_cansleep() - whether setting the line may sleep (I2C expanders...) */
int kcxx_gpiod_cansleep(struct gpio_desc *desc)
{
	return gpiod_cansleep(desc);
}
