// SPDX-License-Identifier: GPL-2.0
/// kcxx: a function that returns ERR_PTR() must be checked with IS_ERR()
/// (or handed back unchanged) before its result is used. A NULL test or a
/// dereference treats an error code as an object. The list of functions is
/// the ERR_PTR-returning ones the bridge uses or is likely to; extend it.
//
// Confidence: Moderate
// Options: --no-includes --include-headers

virtual report

@bad@
expression E, E1;
identifier f =~ "^(devm_ioremap_resource|devm_platform_ioremap_resource|devm_platform_ioremap_resource_byname|devm_platform_get_and_ioremap_resource|devm_ioremap_resource_wc|fwnode_find_reference|kthread_create|kthread_create_on_node|kthread_run|clk_get|devm_clk_get|devm_clk_get_optional|devm_clk_get_enabled|gpiod_get|gpiod_get_index|gpiod_get_optional|devm_gpiod_get|devm_gpiod_get_index|devm_gpiod_get_optional|devm_fwnode_gpiod_get|devm_fwnode_gpiod_get_index|fwnode_gpiod_get_index|dma_request_chan|devm_regulator_get|regulator_get|devm_reset_control_get|devm_reset_control_get_exclusive|devm_pinctrl_get|class_create|device_create|platform_device_register_simple|platform_device_register_full|memdup_user|memdup_user_nul|strndup_user|vmemdup_user|filp_open|debugfs_create_dir|syscon_regmap_lookup_by_phandle|devm_regmap_init_mmio|devm_pwm_get)$";
position p1, p2;
@@

E = f@p1(...);
... when != E = E1
(
return E;
|
IS_ERR(E)
|
IS_ERR_OR_NULL(E)
|
PTR_ERR_OR_ZERO(E)
|
ERR_CAST(E)
|
PTR_ERR(E)
|
E@p2
)

@script:python depends on report@
f << bad.f;
p1 << bad.p1;
p2 << bad.p2;
@@
coccilib.report.print_report(p2[0], "kcxx: result of %s() on line %s used before IS_ERR(): it returns ERR_PTR() on failure" % (f, p1[0].line))
