// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx-gpio-leds - LEDs on GPIO lines, from the standard gpio-leds child-node
 * binding under compatible "kcxx,gpio-leds"
 * (Documentation/devicetree/bindings/leds/kcxx,gpio-leds.yaml).
 */
#include <kcxx/gpio.h>
#include <kcxx/led.h>
#include <kcxx/platform.h>
#include <kcxx/vec.h>

#include "led_node.h"

namespace {

using namespace kcxx;
using namespace kcxx_leds;

/// One LED on one GPIO line; gpiolib applies GPIO_ACTIVE_LOW.
struct GpioLed {
	GpioDesc gpio;

	Result<void> set_brightness(u32 value)
	{
		gpio.set(value != 0);
		return {};
	}
	bool can_sleep() const { return gpio.can_sleep(); }
};

class GpioLeds : public PlatformDriver<GpioLeds> {
public:
	using MatchData = NoMatchData;
	static constexpr OfMatch<MatchData> of_table[] = {
		{ "kcxx,gpio-leds", {} },
	};

	static Result<Box<GpioLeds>> probe(PlatformDevice &pdev, const MatchData &)
	{
		auto self = TRY(Box<GpioLeds>::try_new(gfp::KERNEL));

		for (FwNode child : pdev.fwnode().children())
			TRY(self->leds_.try_push(TRY(add_led(pdev.dev(), child))));
		if (self->leds_.empty())
			return dev_err_probe(pdev.dev(), code::ENODEV, "%pfw: no LED child nodes\n",
					     pdev.fwnode().raw());
		return self;
	}

private:
	static Result<Box<Led<GpioLed>>> add_led(const BoundDevice &dev, FwNode child)
	{
		LedNode spec = TRY(LedNode::parse(dev, child));
		GpioDesc gpio = TRY(GpioDesc::get(dev, child, child.name()));
		bool lit = spec.initially_on(spec.default_state == DefaultState::Keep &&
					     TRY(gpio.get_value()));

		TRY(gpio.direction_output(lit));
		auto led = TRY(Box<Led<GpioLed>>::try_new(gfp::KERNEL, GpioLed{ move(gpio) }));
		TRY(led->register_with(dev, spec.config(lit)));
		return led;
	}

	Vec<Box<Led<GpioLed>>> leds_;
};

} // namespace

KCXX_MODULE_PLATFORM_DRIVER(GpioLeds, kcxx_gpio_leds, .driver = "kcxx-gpio-leds", .license = "GPL",
			    .author = "kcxx developers",
			    .description = "LEDs on GPIO lines, built on kcxx");
