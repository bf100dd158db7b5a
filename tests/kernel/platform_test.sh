# Guest half of the platform test: kcxx_platform_test.ko was loaded by
# kcxx-qemu (its KTAP report ran at load). Unbind and rebind a device, then
# unload and reload the module, and unload it again.
set -e
drv=/sys/bus/platform/drivers/kcxx-test-props
dev=$(basename "$(readlink -f /sys/bus/platform/devices/kcxx-test-props-good)")
echo "$dev" >"$drv/unbind"
echo "$dev" >"$drv/bind"
rmmod kcxx_platform_test
insmod /kcxx/modules/kcxx_platform_test.ko
rmmod kcxx_platform_test
