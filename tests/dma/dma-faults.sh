# Guest half of the DMA fault tests (tests/dma/dma-faults.dts): kcxx-dma-memcpy
# on an engine that completes, never completes, completes late, fails, and
# one that cannot terminate (refused at probe). Every timed-out transfer is
# terminated before its buffers go; unbind with a copy in flight and its file
# open returns at once.
set -e
d=$(readlink -f /sys/bus/platform/devices/dma-faults)
dev=$(basename "$d")
drv=/sys/bus/platform/drivers/kcxx-dma-memcpy
mode=/sys/module/kcxx_test_dmac/parameters/mode
echo "engine: $(cat "$d/engine")"
selftest() { # size iterations summary
	echo "$1" >"$d/test_buf_size"
	echo "$2" >"$d/iterations"
	echo 1 >"$d/run"
	cat "$d/results"
	grep -q "summary $2 tests, $3 failures" "$d/results"
}
uptime_ms() { awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime; }

echo ok >$mode
selftest 65536 8 0
/kcxx/dma_copy_client /dev/kcxx-dma0
echo "faults: a working engine copies"

echo never >$mode
echo 200 >"$d/timeout_ms"
selftest 4096 2 2
grep -q "'test timed out'" "$d/results"
/kcxx/dma_copy_client /dev/kcxx-dma0 expect-errno ETIMEDOUT
echo "faults: transfers that never complete time out and are terminated"

echo 600 >/sys/module/kcxx_test_dmac/parameters/late_ms
echo late >$mode
selftest 4096 2 2
/kcxx/dma_copy_client /dev/kcxx-dma0 expect-errno ETIMEDOUT
sleep 1 # when the late completions would have come
echo "faults: late completions after the timeout touch nothing"

echo error >$mode
selftest 4096 2 2
grep -q "'dma error'" "$d/results"
/kcxx/dma_copy_client /dev/kcxx-dma0 expect-errno EIO
echo "faults: failed transfers are reported as errors"

echo ok >$mode
selftest 4096 4 0
echo "stats: errors $(cat "$d/errors"), timeouts $(cat "$d/timeouts")"
[ "$(cat "$d/timeouts")" = 6 ] && [ "$(cat "$d/errors")" = 9 ]

# The self-test's bounds: no iteration count it would never finish.
for n in 0 100001 4294967295; do
	if echo $n >"$d/iterations" 2>/dev/null; then echo "iterations=$n accepted"; exit 1; fi
done
# A self-test stuck on an engine that never completes: sysfs reads do not
# wait for it, and killing its writer stops it.
echo never >$mode
echo 60000 >"$d/timeout_ms"
echo 100 >"$d/iterations"
sh -c "echo 1 >$d/run" &
runner=$!
sleep 1
t0=$(uptime_ms)
cat "$d/iterations" "$d/timeout_ms" "$d/engine" "$d/run" "$d/results" "$d/errors" >/dev/null
t1=$(uptime_ms)
echo "faults: sysfs reads during a stalled self-test took $((t1 - t0)) ms"
[ $((t1 - t0)) -lt 1000 ]
t0=$(uptime_ms)
kill -9 $runner
wait $runner 2>/dev/null || true
echo "faults: a killed self-test stopped in $(($(uptime_ms) - t0)) ms"
grep "stopped after" "$d/results"
echo ok >$mode
echo 4 >"$d/iterations"

# O_NONBLOCK while another copy holds the engine: EAGAIN, not a wait.
echo never >$mode
echo 3000 >"$d/timeout_ms"
/kcxx/dma_copy_client /dev/kcxx-dma0 expect-errno ETIMEDOUT &
busy=$!
sleep 1
/kcxx/dma_copy_client /dev/kcxx-dma0 expect-errno EAGAIN nonblock
wait $busy
echo "faults: O_NONBLOCK gets EAGAIN while the engine is busy"

# Unbind while a self-test waits for an engine that never finishes: the test
# stops, unbind returns at once.
echo 60000 >"$d/timeout_ms"
echo 100 >"$d/iterations"
sh -c "echo 1 >$d/run" &
runner=$!
sleep 1
t0=$(uptime_ms)
echo "$dev" >"$drv/unbind"
t1=$(uptime_ms)
wait $runner 2>/dev/null || true
echo "faults: unbind with a self-test in flight took $((t1 - t0)) ms"
[ $((t1 - t0)) -lt 2000 ]
echo ok >$mode
echo "$dev" >"$drv/bind"
echo never >$mode

# Unbind while a copy waits for an engine that never finishes and its file
# is open: the copy is cancelled and unbind returns at once.
echo 60000 >"$d/timeout_ms"
/kcxx/dma_copy_client /dev/kcxx-dma0 expect-errno ECANCELED &
copier=$!
sleep 1
t0=$(uptime_ms)
echo "$dev" >"$drv/unbind"
t1=$(uptime_ms)
wait $copier
echo "faults: unbind with a copy in flight took $((t1 - t0)) ms"
[ $((t1 - t0)) -lt 2000 ]
[ ! -e /dev/kcxx-dma0 ]
echo ok >$mode
echo "$dev" >"$drv/bind"
selftest 4096 4 0
rmmod kcxx_dma_memcpy
rmmod kcxx_test_dmac
echo "kcxx-dma-memcpy faults: test done, modules unloaded"
