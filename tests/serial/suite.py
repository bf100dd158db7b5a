# SPDX-License-Identifier: GPL-2.0
"""serial/*: kcxx-vserial's ttys driven by a static termios client (its own
KTAP report), and the malformed nodes it must refuse."""
import re

from kcxx_test import (KERNELS, X86_KERNELS, boot, driver, expect_lines, guest_binary, ktap,
                       refused_every_bad_node, test)

SERIAL_LINES = {
    "kcxx-vserial: stty reflects speed and format": 1,
    "kcxx-vserial: unloaded with no port open": 1,
    "kcxx-vserial: ttyVS6 echoes": 1,
    "kcxx-vserial: ttyVS7 echoes": 1,
    "kcxx-vserial: module parameter ports echo": 1,
    "kcxx-vserial: parameter ports unloaded": 1,
    "kcxx-vserial: client reported failures": 0,
    # 16 parameter ports plus the overlay's, three times; none without its files
    "uevents: 66 adds of ttyVS*, 0 with a file missing": 1,
}

def serial_suite(log, kernel, board):
    """The serial suite on virt (the ports from overlays) or q35 (the same
    ports from ACPI PRP0001 devices, the x86_64 build of the driver)."""
    arch = "x86_64" if board == "q35" else "arm64"
    client = guest_binary(log, "serial_client", arch)
    listener = guest_binary(log, "uevent_attrs", arch)
    if not client or not listener:
        return False
    if board == "q35":
        ports = ["--acpi", "dts/q35/vserial.asl", "--acpi", "tests/serial/vserial-extra.asl"]
    else:
        ports = ["--overlay", "dts/virt/vserial.dts", "--overlay", "tests/serial/vserial-extra.dts"]
    ok, console = boot(log, kernel, f"kcxx_serial-{board}-{kernel}", *ports,
                       "--module", driver(kernel, "tty/kcxx-vserial.ko", arch), "--file", client,
                       "--file", listener, "--run", "tests/serial/serial.sh", board=board)
    if not ok or not ktap(log, console, "kcxx_serial", 27):
        return False
    text = open(console).read()
    for line in re.findall(r"^.*# (?:unpaced|paced|generator|null-modem|64 KiB|tcdrain).*$", text, re.M):
        log.write(line + "\n")
    lines = dict(SERIAL_LINES)
    if kernel.endswith("-debug"):  # built without networking: no uevent socket
        del lines["uevents: 66 adds of ttyVS*, 0 with a file missing"]
        lines["uevents: no netlink in this kernel"] = 1
    return expect_lines(log, console, lines)


for board, kernel in [("virt", k) for k in KERNELS] + [("q35", k) for k in X86_KERNELS if k != "6.12"]:
    @test(f"serial/kcxx_serial/{board}-{kernel}")
    def _(log, kernel=kernel, board=board):
        return serial_suite(log, kernel, board)


BAD_SERIAL = [
    "kcxx-vserial bad-input: module unloaded",
    "kcxx-vserial bad-input: bad parameters refused",
    "kcxx_vserial: loopback_ports=17 is outside 0..16",
    "kcxx_vserial: loopback_ports: '-1' is not a valid value",
    "kcxx_vserial: loopback_ports: 'two' is not a valid value",
    "error -EINVAL: /vs-bad-mode: property 'kcxx,mode': unknown mode 'loopy' (loopback, null-modem or generator)",
    "error -EINVAL: /vs-bad-speed-zero: property 'current-speed': 0 baud is outside 50..4000000",
    "error -EINVAL: /vs-bad-speed-absurd: property 'current-speed': 100000000 baud is outside 50..4000000",
    "error -EOVERFLOW: /vs-bad-speed-malformed: property 'current-speed' is malformed",
    "error -EINVAL: /vs-bad-peer-self: property 'kcxx,peer': points back at this node",
    "error -EINVAL: /vs-bad-peer-foreign: property 'kcxx,peer': /not-a-serial is not a kcxx,virtual-serial node",
    "error -EINVAL: /vs-bad-peer-one-way: property 'kcxx,peer': /vs-index-nine is not cabled back to this node",
    "/vs-bad-peer-missing: property 'kcxx,peer': is missing",
    "error -EINVAL: /vs-bad-peer-on-loopback: property 'kcxx,peer': only a null-modem port has a peer",
    "error -EINVAL: /vs-bad-fifo-not-power-of-two: property 'kcxx,fifo-size': 1000 is not a power of two in 16..65536",
    "error -EINVAL: /vs-bad-fifo-too-large: property 'kcxx,fifo-size': 1048576 is not a power of two in 16..65536",
    "error -EINVAL: /vs-bad-index-range: property 'kcxx,index': 64 is beyond ttyVS63",
    "property 'kcxx,index': ttyVS9 is already in use",
]

for kernel in ["6.1", "6.1-debug"]:
    @test(f"serial/kcxx_serial-bad-input/virt-{kernel}")
    def _(log, kernel=kernel):
        ok, console = boot(log, kernel, f"kcxx_serial-bad-input-{kernel}", "--overlay", "tests/serial/bad-vserial.dts",
                           "--module", driver(kernel, "tty/kcxx-vserial.ko"), "--run", "tests/serial/bad-vserial.sh")
        return (ok and refused_every_bad_node(log, console, "tests/serial/bad-vserial.dts", "kcxx-vserial",
                                              names=r"vs-bad-[\w,-]+")
                and expect_lines(log, console, BAD_SERIAL))
