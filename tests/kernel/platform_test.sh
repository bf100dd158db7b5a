# Guest half of the platform test: kcxx_platform_test.ko was loaded by
# kcxx-qemu (its KTAP report ran at load). Unbind and rebind a device, then
# unload and reload the module, and unload it again.
set -e
attr=/sys/bus/platform/devices/kcxx-test-props-good
[ "$(cat $attr/kcxx_answer)" = 42 ]
echo 7 >$attr/kcxx_answer
[ "$(cat $attr/kcxx_answer)" = 7 ]
if echo seven >$attr/kcxx_answer 2>/dev/null; then exit 1; fi
if echo 4294967296 >$attr/kcxx_answer 2>/dev/null; then exit 1; fi
[ "$(cat $attr/kcxx_answer)" = 7 ]
echo on >$attr/kcxx_flag
[ "$(cat $attr/kcxx_answer)" = 1 ]
if cat $attr/kcxx_flag 2>/dev/null; then exit 1; fi
if echo maybe >$attr/kcxx_flag 2>/dev/null; then exit 1; fi
echo "kcxx_platform_test: sysfs attributes ok"
drv=/sys/bus/platform/drivers/kcxx-test-props
dev=$(basename "$(readlink -f /sys/bus/platform/devices/kcxx-test-props-good)")
echo "$dev" >"$drv/unbind"
echo "$dev" >"$drv/bind"
rmmod kcxx_platform_test
insmod /kcxx/modules/kcxx_platform_test.ko
rmmod kcxx_platform_test
