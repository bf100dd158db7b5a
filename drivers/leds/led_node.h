/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The per-LED child node of the kcxx LED bindings (shared by kcxx-gpio-leds
 * and kcxx-mmio-leds): naming is the LED core's ("label", or "function" +
 * "color" + "function-enumerator"); the rest is read here.
 */
#ifndef KCXX_DRIVERS_LEDS_LED_NODE_H
#define KCXX_DRIVERS_LEDS_LED_NODE_H

#include <kcxx/device.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/led.h>

namespace kcxx_leds {

using namespace kcxx;

enum class DefaultState { Off, On, Keep };

struct LedNode {
	FwNode node;
	DefaultState default_state;
	const char *default_trigger;
	bool retain_state_shutdown;
	bool retain_state_suspended;
	bool panic_indicator;

	static Result<LedNode> parse(const Device &dev, FwNode child)
	{
		static constexpr const char *states[] = { "off", "on", "keep" };
		Properties props(dev, child);
		LedNode led{ child, DefaultState::Off, nullptr, false, false, false };

		// The LED core names the LED from these; a value of the wrong
		// type there would be ignored or misread: refuse it here.
		if (child.has("label"))
			TRY(props.read_string("label"));
		if (child.has("function"))
			TRY(props.read_string("function"));
		if (child.has("color")) {
			u32 color = TRY(props.read_u32("color"));
			if (color >= KCXX_LED_COLOR_ID_MAX) // "red" reads as a number too
				return props.invalid("color", code::EINVAL, "%u is not a LED_COLOR_ID_*",
						     color);
		}
		if (child.has("default-state"))
			led.default_state = static_cast<DefaultState>(
				TRY(props.read_choice("default-state", states)));
		if (child.has("linux,default-trigger"))
			led.default_trigger = TRY(props.read_string("linux,default-trigger"));
		led.retain_state_shutdown = child.has("retain-state-shutdown");
		led.retain_state_suspended = child.has("retain-state-suspended");
		led.panic_indicator = child.has("panic-indicator");
		return led;
	}

	/// Whether the LED starts lit, given what the hardware shows now.
	bool initially_on(bool now_on) const
	{
		return default_state == DefaultState::Keep ? now_on : default_state == DefaultState::On;
	}

	LedConfig config(bool lit) const
	{
		LedConfig c{ node };

		c.default_trigger = default_trigger;
		c.brightness = lit ? 1 : 0;
		c.retain_state_shutdown = retain_state_shutdown;
		c.retain_state_suspended = retain_state_suspended;
		c.panic_indicator = panic_indicator;
		return c;
	}
};

} // namespace kcxx_leds

#endif // KCXX_DRIVERS_LEDS_LED_NODE_H
