/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GpioDesc: a GPIO line a driver consumes, from <linux/gpio/consumer.h>.
 * Values are logical: a line described GPIO_ACTIVE_LOW is inverted by gpiolib.
 */
#ifndef KCXX_GPIO_H
#define KCXX_GPIO_H

#include <kcxx/bridge/gpio.h>
#include <kcxx/irq.h>
#include <kcxx/device.h>
#include <kcxx/result.h>

namespace kcxx {

/**
 * A requested GPIO line.
 *
 * # Invariants
 * desc_ is a line requested for the device with devm, so it stays requested
 * until the device unbinds, after the driver state that holds this is gone.
 */
class GpioDesc {
public:
	/**
	 * The line `node`'s "gpios" property names, requested for `dev` as it is.
	 * -EPROBE_DEFER (silently: the kernel retries) when its controller is not
	 * ready; other failures are reported naming the node and property.
	 */
	static Result<GpioDesc> get(const BoundDevice &dev, FwNode node, const char *label)
	{
		auto desc = from_err_ptr(kcxx_devm_fwnode_gpiod_get(dev.raw(), node.raw(), label));

		if (desc.is_error())
			return dev_err_probe(dev, desc.error(), "%pfw: property 'gpios' %s\n", node.raw(),
					     node.has("gpios") ? "names no usable line" : "is missing");
		return GpioDesc(desc.value());
	}

	/// Makes the line an output driving logical `value`.
	Result<void> direction_output(bool value)
	{
		return to_result(kcxx_gpiod_direction_output(desc_, value));
	}

	/// Makes the line an input.
	Result<void> direction_input() { return to_result(kcxx_gpiod_direction_input(desc_)); }

	/// The interrupt the line raises (an input of a controller that has
	/// interrupts), for Irq<H>::request().
	Result<IrqLine> to_irq() const { return IrqLine::from_kernel(kcxx_gpiod_to_irq(desc_)); }

	/// Sets the logical value. Any context when !can_sleep(), else process context.
	void set(bool value)
	{
		if (can_sleep_)
			kcxx_gpiod_set_value_cansleep(desc_, value);
		else
			kcxx_gpiod_set_value(desc_, value);
	}

	/// The logical value read back. Process context.
	Result<bool> get_value() const
	{
		int v = kcxx_gpiod_get_value_cansleep(desc_);

		TRY(to_result(v));
		return v != 0;
	}

	/// Whether setting the line may sleep (a GPIO expander on a bus).
	bool can_sleep() const { return can_sleep_; }

private:
	explicit GpioDesc(struct gpio_desc *desc) : desc_(desc), can_sleep_(kcxx_gpiod_cansleep(desc)) {}

	struct gpio_desc *desc_;
	bool can_sleep_;
};

} // namespace kcxx

#endif // KCXX_GPIO_H
