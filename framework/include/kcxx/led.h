/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Led<Impl>: an LED class device (<linux/leds.h>), /sys/class/leds/<name>,
 * whose brightness Impl sets.
 *
 *	struct GpioLed {
 *		GpioDesc gpio;
 *		Result<void> set_brightness(u32 value) { gpio.set(value); return {}; }
 *		bool can_sleep() const { return gpio.can_sleep(); }
 *	};
 *	auto led = TRY(Box<Led<GpioLed>>::try_new(gfp::KERNEL, move(gpio)));
 *	TRY(led->register_with(dev, config));
 *
 * The LED core names the LED from its node ("label", or "function", "color",
 * "function-enumerator"), exactly as for C drivers. Unregistration is the
 * destructor, before Impl and the storage go: the core's last brightness
 * call (off at removal, unless retained) reaches a live Impl.
 */
#ifndef KCXX_LED_H
#define KCXX_LED_H

#include <kcxx/bridge/led.h>
#include <kcxx/device.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

namespace kcxx {

/// How an LED is registered: what the binding said, and the current state.
struct LedConfig {
	FwNode node;
	const char *default_trigger = nullptr; // "linux,default-trigger"
	u32 max_brightness = 1;
	u32 brightness = 0; // what the hardware shows now
	bool retain_state_shutdown = false;
	bool retain_state_suspended = false;
	bool panic_indicator = false;
};

/**
 * A registered LED class device backed by Impl.
 *
 * # Invariants
 * While registered_, raw_ is a struct kcxx_led registered with the LED core
 * whose context is this object (Pinned: it never moves).
 */
template <typename Impl> class Led : Pinned {
	static_assert(is_same_v<decltype(&Impl::set_brightness), Result<void> (Impl::*)(u32)>,
		      "Led<Impl>: Impl needs `Result<void> set_brightness(u32 value);`");
	static_assert(is_same_v<decltype(&Impl::can_sleep), bool (Impl::*)() const>,
		      "Led<Impl>: Impl needs `bool can_sleep() const;` (true if set_brightness may sleep)");

public:
	template <typename... Args> explicit Led(Args &&...args) : impl_(forward<Args>(args)...) {}
	~Led()
	{
		if (registered_)
			kcxx_led_unregister(raw_.get());
	}

	/// Registers the LED with the LED core under `dev`.
	Result<void> register_with(const Device &dev, const LedConfig &config)
	{
		unsigned int flags = 0;

		if (config.retain_state_suspended)
			flags |= KCXX_LED_CORE_SUSPENDRESUME;
		if (config.retain_state_shutdown)
			flags |= KCXX_LED_RETAIN_AT_SHUTDOWN;
		if (config.panic_indicator)
			flags |= KCXX_LED_PANIC_INDICATOR;
		TRY(to_result(kcxx_led_register(raw_.get(), dev.raw(), config.node.raw(),
						config.default_trigger, config.max_brightness,
						config.brightness, flags, impl_.can_sleep(), &set, this)));
		// INVARIANT: registered just above, with this object as context.
		registered_ = true;
		return {};
	}

	/// The name the LED got in /sys/class/leds.
	const char *name() { return kcxx_led_name(raw_.get()); }

	Impl &impl() { return impl_; }

private:
	static int set(void *ctx, unsigned int brightness)
	{
		auto r = static_cast<Led *>(ctx)->impl_.set_brightness(brightness);

		return to_c_return(r);
	}

	Opaque<KCXX_SIZEOF_LED, KCXX_ALIGNOF_LED> raw_{};
	Impl impl_;
	bool registered_ = false;
};

} // namespace kcxx

#endif // KCXX_LED_H
