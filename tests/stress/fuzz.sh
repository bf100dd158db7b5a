# Guest half of stress/ioctl-fuzz: 100000 hostile ioctls on each kcxx device
# node from 4 processes at once; each device still works afterwards.
set -e
count=${FUZZ_COUNT:-100000}
echo ok >/sys/module/kcxx_test_dmac/parameters/mode
# KCXX_DMA_IOC_COPY = _IOW('K', 1, struct kcxx_dma_copy): 0x40184b01;
# KCXX_DMA_IOC_COPY_MAPPED = _IOW('K', 2, struct kcxx_dma_copy_mapped): 0x40184b02
/kcxx/ioctl_fuzz /dev/kcxx-dma0 4 "$count" 40184b01 40184b02
for dev in /dev/ttyVS0 /dev/ttyVS1 /dev/ttyVS3; do
	/kcxx/ioctl_fuzz "$dev" 4 "$count"
done
# Still working: a copy, and an echo on the loopback line (whatever modes
# the fuzz left it in: stty sane first).
/kcxx/dma_copy_client /dev/kcxx-dma0 copy-loop || { echo "fuzz: the DMA copy failed"; exit 1; }
stty -F /dev/ttyVS0 sane raw -echo -crtscts clocal 115200
cat /dev/ttyVS0 >/tmp/echo &
reader=$!
sleep 0.3
echo fuzzed >/dev/ttyVS0
sleep 0.5
kill $reader
grep -q fuzzed /tmp/echo || { echo "fuzz: no echo on ttyVS0 ($(stty -F /dev/ttyVS0 -a | tr '\n' ' '))"; exit 1; }
echo "fuzz: every device still works"
