# Guest half of the overlay test: the LED described by dts/virt/stock-gpio-leds.dts
# exists, starts on (default-state), and follows brightness.
set -e
cd /sys/class/leds/example
kcxx-hw default-on 0x090303fc
echo 0 >brightness
kcxx-hw off 0x090303fc
echo 1 >brightness
kcxx-hw on 0x090303fc
