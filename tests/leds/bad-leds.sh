# Guest half of the bad-input tests: every bad node failed or deferred and
# no LED of theirs exists; of the two good clash-* nodes that want one
# resource, exactly one is bound; the module unloads.
set -e
module=$(cd /kcxx/modules && ls kcxx-*-leds.ko)
echo "deferred:"
cat /sys/kernel/debug/devices_deferred
ls /sys/class/leds
if ls /sys/class/leds | grep -q '^bad:'; then echo "a bad node left an LED"; exit 1; fi
for dev in /sys/bus/platform/devices/*bad-*; do
	[ ! -e "$dev/driver" ] || { echo "$dev is bound"; exit 1; }
done
bound=0
for dev in /sys/bus/platform/devices/*clash-[ab]; do
	[ ! -e "$dev/driver" ] || bound=$((bound + 1))
done
echo "kcxx bad-input: $bound of the clashing nodes bound, $(ls /sys/class/leds | grep -c '^clash:') LED"
[ $bound = 1 ]
rmmod "${module%.ko}"
echo "kcxx bad-input: module unloaded"
