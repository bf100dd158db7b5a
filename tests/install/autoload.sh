# Guest half of install/autoload: kcxx was installed into this initramfs by
# `make install DESTDIR=` (modules under /lib/modules/RELEASE/updates/kcxx,
# depmod's modules.alias beside them), and nothing is loaded by hand. Coldplug
# as udev does it: modprobe every platform device's modalias. The overlays'
# nodes on virt (gpio-leds, vserial, dma-memcpy), or the ACPI PRP0001
# devices on q35 (vserial, dma-memcpy), must load their drivers and work.
set -e
release=$(uname -r)
leds=/sys/class/leds
data=0x090303fc
case $(uname -m) in
aarch64) modules="kcxx_gpio_leds kcxx_vserial kcxx_dma_memcpy" gpio=y ;;
*) modules="kcxx_vserial kcxx_dma_memcpy" gpio="" ;;
esac
[ -z "$(lsmod | grep kcxx)" ] || { echo "a kcxx module is loaded before coldplug"; exit 1; }
grep -q 'of:N\*T\*Ckcxx,virtual-serial' /lib/modules/$release/modules.alias

for alias in /sys/bus/platform/devices/*/modalias; do
	modprobe -q "$(cat "$alias")" 2>/dev/null || true  # most have no module: built in, or none here
done
lsmod
for m in $modules; do
	[ -d /sys/module/$m ] || { echo "FAIL $m did not load"; exit 1; }
	drv=/sys/bus/platform/drivers/$(echo $m | tr _ -)
	bound=$(find $drv -maxdepth 1 -type l ! -name module | wc -l)
	[ "$bound" -gt 0 ] || { echo "FAIL $m bound no device"; exit 1; }
	echo "ok   $m loaded by its modalias, $bound device(s) bound"
done

# The LED, witnessed from the host on the PL061 (pin 4, default-state on).
if [ -n "$gpio" ]; then
	kcxx-hw probed $data
	echo 0 >$leds/kcxx:status/brightness
	kcxx-hw status-off $data
	echo 1 >$leds/kcxx:status/brightness
	kcxx-hw status-on $data
fi

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
for e in /sys/bus/platform/drivers/kcxx-dma-memcpy/*/engine; do d=$(dirname "$e"); done
echo 8 >$d/iterations
echo 1 >$d/run
grep -q "summary 8 tests, 0 failures" $d/results
echo "ok   dma-memcpy self-test"

# And they unload as they loaded.
modprobe -r $modules
[ -z "$gpio" ] || kcxx-hw unloaded $data
[ -z "$(lsmod | grep kcxx)" ]
echo "autoload: ok"
