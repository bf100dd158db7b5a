# Guest half of the bad-input test: no bad node is bound, none made a
# /dev/kcxx-dma*, the deferred one waits with its reason; unload is clean.
set -e
echo "deferred:"
cat /sys/kernel/debug/devices_deferred
for dev in /sys/bus/platform/devices/*bad-*; do
	[ -e "$dev/driver" ] && { echo "$dev is bound"; exit 1; }
done
if ls /dev/kcxx-dma* 2>/dev/null; then echo "a bad node made a device"; exit 1; fi
rmmod kcxx_dma_memcpy
echo "kcxx-dma-memcpy bad-input: module unloaded"
