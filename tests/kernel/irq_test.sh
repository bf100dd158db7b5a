# Guest half of kernel/kcxx_irq: the module's cases ran at load; now unbind
# and bind the test driver while its interrupt fires about a hundred times
# a second (the threaded handler re-arms the alarm at once), and unload.
set -e
d=/sys/bus/platform/devices/9010000.kcxx-test-irq
drv=/sys/bus/platform/drivers/kcxx-test-irq
uptime_ms() { awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime; }
echo 1 >$d/storm
h0=$(cat $d/hard)
sleep 1
h1=$(cat $d/hard)
echo "irq: storm: $((h1 - h0)) interrupts in 1 s"
[ $((h1 - h0)) -gt 10 ] # a storm: the alarm alone fires once a second
cycles=20
t0=$(uptime_ms)
i=0
while [ $i -lt $cycles ]; do
	echo 9010000.kcxx-test-irq >$drv/unbind
	echo 9010000.kcxx-test-irq >$drv/bind
	echo 1 >$d/storm
	sleep 0.05
	i=$((i + 1))
done
echo "irq: $cycles unbind/bind cycles under the storm in $(($(uptime_ms) - t0)) ms"
grep kcxx-irq-test /proc/interrupts
rmmod kcxx_irq_test
