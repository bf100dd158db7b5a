# Guest half of the kcxx-dma-memcpy tests (raspi3b with a DMA channel, virt
# and q35 with kcxx,cpu-fallback): the self-test from 1 byte to the whole buffer, the
# user copy device (tests/guest/dma_copy_client.c), statistics, a stalled
# engine (timeouts), unbind with a buffer mapped, bind, unload while idle;
# every pinned page is unpinned again.
set -e
drv=/sys/bus/platform/drivers/kcxx-dma-memcpy
# The device: dma-memcpy from a device tree, PRP0001:NN from ACPI (q35).
for e in "$drv"/*/engine; do d=$(readlink -f "$(dirname "$e")"); done
echo "engine: $(cat "$d/engine")"
max=$(cat "$d/test_buf_size")
selftest() { # size iterations
	echo "$1" >"$d/test_buf_size"
	echo "$2" >"$d/iterations"
	echo 1 >"$d/run"
	cat "$d/results"
	grep -q "summary $2 tests, 0 failures" "$d/results"
}
for size in 1 2 3 4 5 63 4093 4096 65537 "$max"; do
	[ "$size" -le "$max" ] || continue
	selftest "$size" 16
done
echo 1 >"$d/noverify"
selftest "$max" 4
echo 0 >"$d/noverify"
echo "self-test: all sizes passed"
/kcxx/dma_copy_client
for f in bytes transfers errors timeouts; do echo "stats $f: $(cat "$d/$f")"; done
[ "$(cat "$d/errors")" = 0 ]
[ "$(cat "$d/timeouts")" = 0 ]
[ "$(cat "$d/transfers")" -gt 100 ]
# A stalled engine: every copy times out, is terminated and counted.
if grep -q '^dma' "$d/engine"; then
	echo 1 >"$d/inject_stall"
	echo 100 >"$d/timeout_ms"
	echo 4096 >"$d/test_buf_size"
	echo 2 >"$d/iterations"
	echo 1 >"$d/run"
	cat "$d/results"
	grep -q "'test timed out'" "$d/results"
	grep -q "summary 2 tests, 2 failures" "$d/results"
	/kcxx/dma_copy_client /dev/kcxx-dma0 expect-errno ETIMEDOUT
	echo 0 >"$d/inject_stall"
	echo "stats timeouts after stall: $(cat "$d/timeouts")"
	[ "$(cat "$d/timeouts")" = 3 ]
	[ "$(cat "$d/errors")" = 3 ]
	selftest 4096 4
fi
# The counters are per-CPU until folded: fold them, or a pin and its unpin
# counted on different CPUs can look unbalanced for a while.
echo 1 >/proc/sys/vm/stat_refresh
grep foll_pin /proc/vmstat
[ "$(awk '/nr_foll_pin_acquired/ {print $2}' /proc/vmstat)" = \
  "$(awk '/nr_foll_pin_released/ {print $2}' /proc/vmstat)" ]
echo "pins: every pinned page released"
# A zero-copy buffer is the device's memory: unbinding while it is mapped
# (and its file open) zaps the mapping, which then faults with SIGBUS.
/kcxx/dma_copy_client /dev/kcxx-dma0 hold-mapping >/tmp/hold &
holder=$!
while ! grep -q mapped /tmp/hold; do sleep 0.1; done
dev=$(basename "$d")
echo "$dev" >"$drv/unbind"
[ ! -e /dev/kcxx-dma0 ]
kill -USR1 $holder
wait $holder
cat /tmp/hold
echo "zero-copy: the mapping faults after unbind"
echo "$dev" >"$drv/bind"
[ -e /dev/kcxx-dma0 ]
selftest 65536 4
rmmod kcxx_dma_memcpy
[ ! -e /dev/kcxx-dma0 ]
echo "kcxx-dma-memcpy: test done, module unloaded"
