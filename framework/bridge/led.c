// SPDX-License-Identifier: GPL-2.0
/*
 * LED class bridge: the LED core calls these trampolines, which call the C++
 * implementation with its context.
 */
#include <linux/leds.h>
#include <kcxx/bridge/led.h>

static struct kcxx_led *to_kcxx_led(struct led_classdev *cdev)
{
	return container_of(cdev, struct kcxx_led, cdev);
}

static void kcxx_led_set(struct led_classdev *cdev, enum led_brightness value)
{
	struct kcxx_led *led = to_kcxx_led(cdev);

	led->set(led->ctx, value);
}

static int kcxx_led_set_blocking(struct led_classdev *cdev, enum led_brightness value)
{
	struct kcxx_led *led = to_kcxx_led(cdev);

	return led->set(led->ctx, value);
}

/**
 * kcxx_led_register() - register an LED class device named from @node
 * @led: zeroed storage for a struct kcxx_led, alive until kcxx_led_unregister()
 * @parent: the device the LED belongs to
 * @node: its firmware node: the LED core names the LED from its "label", or
 *        "function", "color" and "function-enumerator"
 * @default_trigger: trigger to activate, or NULL
 * @max_brightness: the largest brightness
 * @brightness: the brightness the hardware has now
 * @flags: LED_CORE_SUSPENDRESUME, LED_RETAIN_AT_SHUTDOWN, LED_PANIC_INDICATOR
 * @can_sleep: @set may sleep (then it is called from a workqueue)
 * @set: the C++ brightness setter
 * @ctx: handed to @set
 *
 * Not device-managed: the C++ owner unregisters before it frees @led.
 *
 * Context: process context.
 * Return: 0 or a negative errno.
 */
int kcxx_led_register(void *led, struct device *parent, struct fwnode_handle *node,
		      const char *default_trigger, unsigned int max_brightness,
		      unsigned int brightness, unsigned int flags, int can_sleep,
		      kcxx_led_set_fn set, void *ctx)
{
	struct kcxx_led *l = led;
	struct led_init_data init_data = { .fwnode = node };

	l->set = set;
	l->ctx = ctx;
	l->cdev.default_trigger = default_trigger;
	l->cdev.max_brightness = max_brightness;
	l->cdev.brightness = brightness;
	l->cdev.flags = flags;
	if (can_sleep)
		l->cdev.brightness_set_blocking = kcxx_led_set_blocking;
	else
		l->cdev.brightness_set = kcxx_led_set;
	return led_classdev_register_ext(parent, &l->cdev, &init_data);
}

/**
 * kcxx_led_unregister() - remove the LED; it is turned off unless it was
 * registered with LED_RETAIN_AT_SHUTDOWN
 *
 * Context: process context.
 */
void kcxx_led_unregister(void *led)
{
	led_classdev_unregister(&((struct kcxx_led *)led)->cdev);
}

/** kcxx_led_name() - the LED's name in /sys/class/leds */
const char *kcxx_led_name(void *led)
{
	return ((struct kcxx_led *)led)->cdev.name;
}
