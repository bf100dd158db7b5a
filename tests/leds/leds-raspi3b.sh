# Guest half of the LED tests on raspi3b, for either backend. The host reads
# GPLEV0 (0x3f200034) at each kcxx-hw: GPIO17 status, GPIO27 red:activity
# (active low).
set -e
module=$(cd /kcxx/modules && ls kcxx-*-leds.ko)
lev=0x3f200034
leds=/sys/class/leds
[ -d $leds/kcxx:status ] && [ -d $leds/red:activity ] || { ls $leds; exit 1; }
kcxx-hw probed $lev
echo 0 >$leds/kcxx:status/brightness
kcxx-hw status-off $lev
echo 1 >$leds/red:activity/brightness
kcxx-hw activity-on $lev
echo 1 >$leds/kcxx:status/brightness
echo 0 >$leds/red:activity/brightness
kcxx-hw both-flipped $lev
rmmod "${module%.ko}"
kcxx-hw unloaded $lev
