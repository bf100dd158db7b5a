# Guest half of the bad-input tests: every bad node failed or deferred; no
# LED of theirs exists; the module unloads and no kcxx state is left.
set -e
module=$(cd /kcxx/modules && ls kcxx-*-leds.ko)
echo "deferred:"
cat /sys/kernel/debug/devices_deferred
ls /sys/class/leds
if ls /sys/class/leds | grep -q '^bad:'; then echo "a bad node left an LED"; exit 1; fi
# Garbage through sysfs binding does not help a bad node either.
for dev in /sys/bus/platform/devices/bad-*; do
	[ -e "$dev/driver" ] && { echo "$dev is bound"; exit 1; }
done
rmmod "${module%.ko}"
echo "kcxx bad-input: module unloaded"
