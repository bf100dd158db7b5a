# Guest half of the DMA test: kcxx_dma_test.ko was loaded by kcxx-qemu (its
# KTAP report ran at load). Unbind and rebind the device, so that the driver
# state's DMA memory is freed at unbind and made again at probe, then unload.
set -e
drv=/sys/bus/platform/drivers/kcxx-test-dma
dev=$(basename "$(readlink -f /sys/bus/platform/devices/kcxx-test-dma)")
echo "$dev" >"$drv/unbind"
echo "$dev" >"$drv/bind"
rmmod kcxx_dma_test
