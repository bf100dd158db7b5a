# Guest half of the kcxx-vserial test (tests/run: serial/kcxx_serial): the
# static termios client (its own KTAP report), then stty, the module
# parameter, and unloading with no port open.
set -e
[ -c /dev/ttyVS0 ] && [ -c /dev/ttyVS5 ]
chmod 666 /dev/ttyVS0		# for the TIOCEXCL check as another user
/kcxx/serial_client || echo "kcxx-vserial: client reported failures"

# stty sees what was set, and reads it back on the next open
stty -F /dev/ttyVS2 9600 cs7 parenb parodd cstopb crtscts
s=$(stty -F /dev/ttyVS2 -a 2>/dev/null)
echo "$s" | grep -E "speed|cs7"
echo "$s" | grep -q "speed 9600 baud"
for f in cs7 parenb parodd cstopb crtscts; do
	echo "$s" | tr ' ;' '\n\n' | grep -qx "$f" || { echo "stty: $f missing"; exit 1; }
done
stty -F /dev/ttyVS2 115200 cs8 -parenb -parodd -cstopb -crtscts
echo "kcxx-vserial: stty reflects speed and format"

rmmod kcxx_vserial
[ ! -e /dev/ttyVS0 ]
echo "kcxx-vserial: unloaded with no port open"

# Without device-tree help: loopback ports from the module parameter, after
# the node's fixed lines 0-5
insmod /kcxx/modules/kcxx-vserial.ko loopback_ports=2
[ -c /dev/ttyVS6 ] && [ -c /dev/ttyVS7 ]
cat /sys/class/tty/ttyVS7/mode
/kcxx/serial_client echo 6
/kcxx/serial_client echo 7
echo "kcxx-vserial: module parameter ports echo"
rmmod kcxx_vserial
echo "kcxx-vserial: parameter ports unloaded"

# What udev sees: each port's files exist when its "add" uevent goes out.
# Three loads of 6 device-tree and 16 parameter ports: 66 adds. Each load
# stays a second so the listener looks before the ports go.
# (The debug kernel has no networking, so no uevent socket: 77, skipped.)
/kcxx/uevent_attrs ttyVS 66 tx rx dropped overruns unpaced mode &
listener=$!
sleep 0.5
if kill -0 $listener 2>/dev/null; then
	for i in 1 2 3; do
		insmod /kcxx/modules/kcxx-vserial.ko loopback_ports=16
		sleep 1
		rmmod kcxx_vserial
	done
fi
wait $listener || [ $? = 77 ]
