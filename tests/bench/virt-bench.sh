# SPDX-License-Identifier: GPL-2.0
# The guest side of tools/kcxx-bench on QEMU virt (tests/bench/virt-bench.dts):
# LEDs, serial lines and the in-kernel microbenchmarks, every sample a
# "@@BENCH <benchmark> <side> <round> <value>" line on the console.
# /kcxx/bench.conf sets ROUNDS, SECONDS (per LED/serial sample) and ITERATIONS.
set -e
. /kcxx/bench.conf
dmesg -n 1 # probe and unbind messages stay in the log, off the console
mkdir -p /dev/pts && mount -t devpts devpts /dev/pts # the pty pair
leds=/sys/class/leds
pl061=9030000.pl061
pl061_driver=/sys/bus/amba/drivers/pl061_gpio

echo "@@BENCH-BEGIN $(uname -r) rounds=$ROUNDS seconds=$SECONDS iterations=$ITERATIONS"
# First the pairs that move memory, before modules come and go: under TCG,
# memory that held code (an unloaded module's) is slow to write for a while.
insmod /kcxx/kcxx_microbench.ko rounds="$ROUNDS" iterations="$ITERATIONS"
dmesg | sed -n 's/.*kcxx_microbench: \(@@BENCH.*\)/\1/p'
rmmod kcxx_microbench
/kcxx/guest_bench serial "$ROUNDS" "$SECONDS" /dev/ttyVS1 /dev/ttyVS2
/kcxx/guest_bench paced "$ROUNDS" "$SECONDS" /dev/ttyVS0 9600 115200 1000000

# Last, the LEDs: kcxx-mmio-leds needs the PL061's driver unbound, so
# modules come and go every round.
for r in $(seq 0 $((ROUNDS - 1))); do
	kcxx=kcxx-gpio-leds=$leds/kcxx:bench/brightness
	c=leds-gpio=$leds/c:bench/brightness
	if [ $((r % 2)) = 0 ]; then
		/kcxx/guest_bench led "$r" "$SECONDS" "$kcxx" "$c"
	else
		/kcxx/guest_bench led "$r" "$SECONDS" "$c" "$kcxx"
	fi
	# The PL061 to kcxx-mmio-leds for a sample, and back to its driver.
	rmmod kcxx_gpio_leds leds_gpio
	echo $pl061 >$pl061_driver/unbind
	insmod /kcxx/kcxx-mmio-leds.ko
	/kcxx/guest_bench led "$r" "$SECONDS" "kcxx-mmio-leds=$leds/kcxx-mmio:bench/brightness"
	rmmod kcxx_mmio_leds
	echo $pl061 >$pl061_driver/bind
	insmod /kcxx/modules/leds-gpio.ko
	insmod /kcxx/modules/kcxx-gpio-leds.ko
done

echo "@@BENCH-END"
