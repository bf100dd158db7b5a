# Guest half of serial/kcxx_serial-bad-input: only the good node has a tty;
# the module unloads cleanly; bad module parameters fail the load.
set -e
ls /dev/ttyVS*
[ -c /dev/ttyVS9 ]
[ "$(ls /dev/ttyVS* | wc -l)" = 1 ]
rmmod kcxx_vserial
echo "kcxx-vserial bad-input: module unloaded"

# A module parameter out of range or not a number: no load, nothing left.
for bad in 17 -1 two; do
	if insmod /kcxx/modules/kcxx-vserial.ko loopback_ports=$bad 2>/dev/null; then
		echo "kcxx-vserial: loaded with loopback_ports=$bad"; exit 1
	fi
done
[ ! -d /sys/module/kcxx_vserial ] && [ ! -e /dev/ttyVS0 ]
echo "kcxx-vserial bad-input: bad parameters refused"
