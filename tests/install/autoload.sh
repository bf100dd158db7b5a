# Guest half of install/autoload: kcxx was installed into this initramfs by
# `make install DESTDIR=` (modules under /lib/modules/RELEASE/updates/kcxx,
# depmod's modules.alias beside them), and nothing is loaded by hand. Coldplug
# as udev does it: modprobe every platform device's modalias. The overlays'
# nodes (gpio-leds, vserial, dma-memcpy) must load their drivers and work.
set -e
release=$(uname -r)
leds=/sys/class/leds
data=0x090303fc
[ -z "$(lsmod | grep kcxx)" ] || { echo "a kcxx module is loaded before coldplug"; exit 1; }
grep -q 'of:N\*T\*Ckcxx,gpio-leds' /lib/modules/$release/modules.alias

for alias in /sys/bus/platform/devices/*/modalias; do
	modprobe -q "$(cat "$alias")" 2>/dev/null || true  # most have no module: built in, or none here
done
lsmod
for m in kcxx_gpio_leds kcxx_vserial kcxx_dma_memcpy; do
	[ -d /sys/module/$m ] || { echo "FAIL $m did not load"; exit 1; }
	echo "ok   $m loaded by its modalias"
done
for dev in kcxx-leds vserial-loopback dma-memcpy; do
	drv=$(basename "$(readlink /sys/bus/platform/devices/$dev/driver)")
	echo "ok   $dev bound to $drv"
done

# The LED, witnessed from the host on the PL061 (pin 4, default-state on).
kcxx-hw probed $data
echo 0 >$leds/kcxx:status/brightness
kcxx-hw status-off $data
echo 1 >$leds/kcxx:status/brightness
kcxx-hw status-on $data

# The loopback tty reads back what is written to it.
stty -F /dev/ttyVS0 raw -echo
cat /dev/ttyVS0 >/tmp/echoed &
reader=$!
sleep 0.2
echo "autoloaded kcxx" >/dev/ttyVS0
sleep 0.5
kill $reader
grep -q "autoloaded kcxx" /tmp/echoed
echo "ok   /dev/ttyVS0 echoed"

# The DMA device copies and verifies (its self-test).
d=/sys/bus/platform/devices/dma-memcpy
echo 8 >$d/iterations
echo 1 >$d/run
grep -q "summary 8 tests, 0 failures" $d/results
echo "ok   dma-memcpy self-test"

# And they unload as they loaded.
modprobe -r kcxx_gpio_leds kcxx_vserial kcxx_dma_memcpy
kcxx-hw unloaded $data
[ -z "$(lsmod | grep kcxx)" ]
echo "autoload: ok"
