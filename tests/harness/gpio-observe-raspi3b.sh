# Guest half of the raspi3b hardware-observation test (host half: tools/kcxx-hw-expect):
# drive GPIO17 through sysfs; the host reads GPLEV0 (0x3f200034) each time.
set -e
chip=$(grep -l pinctrl-bcm2835 /sys/class/gpio/gpiochip*/label)
gpio=$(( $(cat "${chip%/label}/base") + 17 ))
echo $gpio >/sys/class/gpio/export
cd /sys/class/gpio/gpio$gpio
echo out >direction
echo 1 >value
kcxx-hw gpio17-high 0x3f200034
echo 0 >value
kcxx-hw gpio17-low 0x3f200034
