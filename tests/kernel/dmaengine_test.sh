# Guest half of the dmaengine test: kcxx_dmaengine_test.ko was loaded by
# kcxx-qemu (its KTAP report ran at load); unbind and bind again (the channel
# is released and requested again), then unload.
set -e
drv=/sys/bus/platform/drivers/kcxx-test-dmaengine
dev=$(basename "$(readlink -f /sys/bus/platform/devices/kcxx-test-dmaengine)")
echo "$dev" >"$drv/unbind"
echo "$dev" >"$drv/bind"
rmmod kcxx_dmaengine_test
