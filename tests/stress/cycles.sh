# Guest half of stress/cycles: many unbind/bind cycles of each driver's
# device through sysfs while its files are open and I/O is in flight, then
# many module unload/load cycles; unreclaimable slab must come back to where
# it was (and, on the debug kernel, kmemleak finds nothing: kcxx-qemu).
#	CYCLES=N MODULE_CYCLES=M sh cycles.sh
set -e
cycles=${CYCLES:-1000}
module_cycles=${MODULE_CYCLES:-200}
uptime_ms() { awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime; }
slab_kb() { echo 1 >/proc/sys/vm/stat_refresh; awk '/^SUnreclaim:/ { print $2 }' /proc/meminfo; }
mode=/sys/module/kcxx_test_dmac/parameters/mode
echo ok >$mode

# Load that runs until killed and survives its device going away (set +e:
# a write to a file that just went away must not end the loop).
led_load() {
	set +e
	while :; do
		for v in 0 1; do
			{ echo $v >/sys/class/leds/kcxx:status/brightness; } 2>/dev/null
		done
	done
}
tty_load() {
	set +e
	while :; do
		cat /dev/ttyVS0 >/dev/null 2>&1 &	# a reader blocked in read()
		reader=$!
		echo hello >/dev/ttyVS0 2>/dev/null	# a writer
		kill $reader 2>/dev/null
		wait $reader 2>/dev/null
	done
}
dma_load() { set +e; while :; do /kcxx/dma_copy_client /dev/kcxx-dma0 copy-loop 2>/dev/null; done; }

cycle() { # driver device load
	drv=/sys/bus/platform/drivers/$1
	$3 &
	load=$!
	sleep 0.2
	t0=$(uptime_ms)
	i=0
	retried=0
	while [ $i -lt "$cycles" ]; do
		echo "$2" >"$drv/unbind" || { echo "cycles: $1: unbind failed (cycle $i)"; exit 1; }
		# A tty line stays taken until the last file of the old device
		# closes (the load's reader, killed within moments): bind answers
		# EBUSY, with a message, until then. More than 2 s of it fails.
		n=0
		until echo "$2" 2>/dev/null >"$drv/bind"; do
			n=$((n + 1))
			[ $n -lt 200 ] || { echo "cycles: $1: bind kept failing"; exit 1; }
			sleep 0.01
		done
		[ $n = 0 ] || retried=$((retried + 1))
		i=$((i + 1))
	done
	t1=$(uptime_ms)
	kill $load # still running: the load survived every cycle
	wait $load 2>/dev/null || true
	[ -e "$drv/$2" ] || { echo "cycles: $1: not bound at the end"; exit 1; }
	echo "cycles: $1: $cycles unbind/bind cycles under load in $((t1 - t0)) ms ($retried binds waited for the old device's files)"
}

before=$(slab_kb)
cycle kcxx-gpio-leds kcxx-leds led_load
cycle kcxx-vserial vserial-loopback tty_load
cycle kcxx-dma-memcpy dma-faults dma_load

# Module unload/load cycles (the drivers' other devices come and go too).
for m in kcxx-gpio-leds kcxx-vserial kcxx-dma-memcpy; do
	name=$(echo $m | tr - _)
	t0=$(uptime_ms)
	i=0
	while [ $i -lt "$module_cycles" ]; do
		rmmod "$name"
		insmod "/kcxx/modules/$m.ko"
		i=$((i + 1))
	done
	echo "cycles: $m: $module_cycles unload/load cycles in $(($(uptime_ms) - t0)) ms"
done
sleep 1
after=$(slab_kb)
echo "cycles: unreclaimable slab $before kB before, $after kB after"
# Caches may keep a few slabs: allow 1 MiB of growth, not a leak per cycle.
# (A debug kernel's KASAN quarantine holds freed objects: there kmemleak's
# scan at the end of the run is the leak check.)
if [ ! -e /sys/kernel/debug/kmemleak ]; then
	[ $((after - before)) -lt 1024 ]
fi
rmmod kcxx_dma_memcpy kcxx_vserial kcxx_gpio_leds kcxx_test_dmac
echo "cycles: done, modules unloaded"
