/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/leds.h>: LED class devices implemented in C++.
 */
#ifndef KCXX_BRIDGE_LED_H
#define KCXX_BRIDGE_LED_H

#ifdef __cplusplus
extern "C" {
#endif

struct device;
struct fwnode_handle;

/* Sets the brightness; returns 0 or a negative errno. */
typedef int (*kcxx_led_set_fn)(void *ctx, unsigned int brightness);

int kcxx_led_register(void *led, struct device *parent, struct fwnode_handle *node,
		      const char *default_trigger, unsigned int max_brightness,
		      unsigned int brightness, unsigned int flags, int can_sleep,
		      kcxx_led_set_fn set, void *ctx);
void kcxx_led_unregister(void *led);
const char *kcxx_led_name(void *led);

#ifdef __cplusplus
}
#else
#include <linux/leds.h>

struct kcxx_led {
	struct led_classdev cdev;
	kcxx_led_set_fn set;
	void *ctx;
};
#endif

#endif /* KCXX_BRIDGE_LED_H */
