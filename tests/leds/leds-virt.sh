# Guest half of the LED tests on virt, for either backend: kcxx-gpio-leds
# (dts/virt/gpio-leds.dts) or kcxx-mmio-leds (dts/virt/mmio-leds.dts). The
# host reads the PL061 data register 0x090303fc at each kcxx-hw. Pins:
# 4 status, 5 heartbeat, 6 inverted (active low), 7 kept.
set -e
module=$(cd /kcxx/modules && ls kcxx-*-leds.ko)
data=0x090303fc
leds=/sys/class/leds
for led in kcxx:status green:heartbeat kcxx:inverted kcxx:kept; do
	[ -d "$leds/$led" ] || { echo "missing LED $led"; ls $leds; exit 1; }
done
[ "$(cat $leds/kcxx:status/max_brightness)" = 1 ]
grep -q '\[heartbeat\]' $leds/green:heartbeat/trigger
kcxx-hw probed $data

echo 0 >$leds/kcxx:status/brightness
kcxx-hw status-off $data
echo 1 >$leds/kcxx:status/brightness
kcxx-hw status-on $data
echo 1 >$leds/kcxx:inverted/brightness
kcxx-hw inverted-on $data
echo 0 >$leds/kcxx:inverted/brightness
kcxx-hw inverted-off $data
echo 1 >$leds/kcxx:kept/brightness
kcxx-hw kept-on $data

# Garbage is refused with EINVAL and changes nothing.
if echo bogus >$leds/kcxx:status/brightness 2>/dev/null; then exit 1; fi
if echo no-such-trigger >$leds/kcxx:status/trigger 2>/dev/null; then exit 1; fi
kcxx-hw after-garbage $data

# Heartbeat blinks pin 5 by itself; the timer trigger (a module) blinks pin 4.
echo timer >$leds/kcxx:status/trigger
echo 50 >$leds/kcxx:status/delay_on
echo 50 >$leds/kcxx:status/delay_off
sleep 2
echo none >$leds/kcxx:status/trigger
echo 1 >$leds/kcxx:status/brightness

# Unload: the LEDs go; status and inverted turn off, kept is retained.
rmmod "${module%.ko}"
[ ! -e $leds/kcxx:status ]
kcxx-hw unloaded $data

# Reload: default states apply again.
insmod "/kcxx/modules/$module"
[ -d $leds/kcxx:status ]
kcxx-hw reloaded $data
