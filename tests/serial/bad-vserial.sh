# Guest half of serial/kcxx_serial-bad-input: only the good node has a tty;
# the module unloads cleanly.
set -e
ls /dev/ttyVS*
[ -c /dev/ttyVS9 ]
[ "$(ls /dev/ttyVS* | wc -l)" = 1 ]
rmmod kcxx_vserial
echo "kcxx-vserial bad-input: module unloaded"
