# Guest half of the hardware-observation test (host half: tools/kcxx-hw-expect):
# kernel's sysfs GPIO interface and have the host read the registers each time.
set -e
chip=$(grep -l 9030000.pl061 /sys/class/gpio/gpiochip*/label)
gpio=$(( $(cat "${chip%/label}/base") + 5 ))
echo $gpio >/sys/class/gpio/export
cd /sys/class/gpio/gpio$gpio
echo out >direction
echo 1 >value
kcxx-hw pin5-high 0x090303fc
kcxx-hw direction 0x09030400
echo 0 >value
kcxx-hw pin5-low 0x090303fc
echo 1 >value
kcxx-hw pin5-high-again 0x090303fc
