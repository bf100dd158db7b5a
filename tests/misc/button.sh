# Guest half of misc/gpio-button: the host presses the virt board's power
# button (QMP system_powerdown) and the driver counts each press through its
# interrupt; a reader blocked in read() gets the count; unbind ends a
# blocked read at once.
set -e
d=/sys/bus/platform/devices/kcxx-button
drv=/sys/bus/platform/drivers/kcxx-gpio-button
uptime_ms() { awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime; }
[ "$(cat $d/presses)" = 0 ]
head -n 1 /dev/kcxx-button0 >/tmp/first &
reader=$!
sleep 0.3
pressed=$(kcxx-qmp system_powerdown 5 300)
sleep 0.5
wait $reader
echo "button: the host pressed $pressed times; presses $(cat $d/presses), edges $(cat $d/edges)"
echo "button: a blocked reader got '$(cat /tmp/first)'"
[ "$(cat /tmp/first)" = 1 ]
[ "$(cat $d/presses)" = "$pressed" ]
grep kcxx-button0 /proc/interrupts
# Unbind while a reader is blocked: it returns (ENODEV), unbind at once.
head -n 1 /dev/kcxx-button0 >/tmp/second 2>/tmp/error &
reader=$!
sleep 0.3
t0=$(uptime_ms)
echo kcxx-button >$drv/unbind
t1=$(uptime_ms)
wait $reader || true
echo "button: unbind with a blocked reader took $((t1 - t0)) ms ($(cat /tmp/error))"
[ $((t1 - t0)) -lt 1000 ]
[ ! -e /dev/kcxx-button0 ]
echo kcxx-button >$drv/bind
kcxx-qmp system_powerdown 1 >/dev/null
sleep 0.5
[ "$(cat $d/presses)" = 1 ]
rmmod kcxx_gpio_button
echo "button: done, module unloaded"
