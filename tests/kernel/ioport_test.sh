# Guest half of kernel/kcxx_ioport (virt and q35): find the RTL8139, turn on its I/O
# decoding (no driver did), load the module on its I/O BAR, and have the host
# read the ports the module wrote.
set -e
dev=
for d in /sys/bus/pci/devices/*; do
	[ "$(cat $d/vendor)" = 0x10ec ] && [ "$(cat $d/device)" = 0x8139 ] && dev=$d
done
[ -n "$dev" ] || { echo "kcxx_ioport_test: no RTL8139 on the bus"; exit 1; }
echo 1 >$dev/enable		# pci_enable_device(): I/O decoding on
start=$(head -1 $dev/resource | cut -d' ' -f1)	# BAR0: its 256 ports
echo "kcxx_ioport_test: RTL8139 at $dev, ports from $start"
insmod /kcxx/kcxx_ioport_test.ko base=$start
grep kcxx-ioport-test /proc/ioports
# On x86 the host reads the ports themselves; virt maps the PCI I/O space at
# guest-physical 0x3eff0000 (QEMU's VIRT_PCIE_PIO).
case $(uname -m) in
x86_64) at() { echo "io:$(printf 0x%x $(($start + $1)))"; } ;;
*) at() { printf 0x%x $((0x3eff0000 + start + $1)); } ;;
esac
kcxx-hw idr "$(at 0)"
kcxx-hw mar "$(at 8)"
rmmod kcxx_ioport_test
if grep -q kcxx-ioport-test /proc/ioports; then echo "kcxx_ioport_test: still claimed"; exit 1; fi
echo "kcxx_ioport_test: ports released at unload"
