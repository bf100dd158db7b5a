# SPDX-License-Identifier: GPL-2.0
"""kernel/*: the in-kernel C++ test modules of this folder, each printing a
KTAP report that tools/ktap reads, on every kernel the suite fits."""
import json
import os
import re

from kcxx_test import (DEBIAN_KERNELS, KERNELS, LOGS, SID_KERNELS, X86_KERNELS, boot, expect_lines, guest_binary, ktap, module,
                       test)

def built_for_running(log, console, kernel):
    """The pipeline module saw the kernel it was built for."""
    running = re.search(r"# kcxx: built for (\S+), running (\S+)", open(console).read())
    log.write(f"kernel line: {running and running.group(0)}\n")
    series = kernel.split("-")[0]  # 6.1-debug is built from the 6.1 source
    return bool(running) and running.group(1) == series and running.group(2).startswith(series + ".")


for board, kernel in [("virt", k) for k in DEBIAN_KERNELS + SID_KERNELS] + [("raspi3b", "6.12")]:
    @test(f"kernel/pipeline/{board}-{kernel}")
    def _(log, kernel=kernel, board=board):
        ok, console = boot(log, kernel, f"pipeline-{board}-{kernel}",
                           "--module", module(kernel, "kcxx_pipeline_test"), board=board)
        return ok and ktap(log, console, "kcxx_pipeline") and built_for_running(log, console, kernel)


# The suites that run at load, in one boot of the debug kernel (its boots
# are slow): each still reports on its own.
@test("kernel/load-time-suites/virt-6.1-debug")
def _(log):
    kernel = "6.1-debug"
    ok, console = boot(log, kernel, "load-time-suites-virt-6.1-debug",
                       *[a for m in ["kcxx_pipeline_test", "kcxx_core_test", "kcxx_iomem_test"]
                         for a in ["--module", module(kernel, m)]])
    return (ok and all(ktap(log, console, s) for s in ["kcxx_pipeline", "kcxx_core", "kcxx_iomem"])
            and built_for_running(log, console, kernel))


def ktap_module_test(suite, module_name, kernels, board="virt", expect=None, args=(), lines=None):
    """A suite whose module runs on load (with `args` for kcxx-qemu)."""
    for kernel in kernels:
        @test(f"kernel/{suite}/{board}-{kernel}")
        def _(log, kernel=kernel):
            ok, console = boot(log, kernel, f"{suite}-{board}-{kernel}", *args,
                               "--module", module(kernel, module_name), board=board)
            return (ok and ktap(log, console, suite, expect)
                    and (lines is None or expect_lines(log, console, lines)))


ktap_module_test("kcxx_core", "kcxx_core_test", DEBIAN_KERNELS + SID_KERNELS)
ktap_module_test("kcxx_iomem", "kcxx_iomem_test", DEBIAN_KERNELS + SID_KERNELS)

ktap_module_test("kcxx_platform", "kcxx_platform_test", KERNELS, expect=4,
                 args=("--overlay", "tests/kernel/platform_test.dts", "--run", "tests/kernel/platform_test.sh"),
                 lines={
                     # probe failures name the node and the property, with the errno
                     "error -EINVAL: /kcxx-test-props-missing: property 'kcxx,answer' is missing": 2,
                     "error -EOVERFLOW: /kcxx-test-props-short: property 'kcxx,answer' is malformed": 2,
                     "error -EINVAL: /kcxx-test-props-bad-mode: property 'kcxx,mode' is malformed": 2,
                     "error -EINVAL: reg[0] is 256 bytes, the register layout needs 4096": 2,
                     # the destructor is remove: unbind, then two unloads
                     "kcxx_platform_test: removed kcxx-test-props-good": 3,
                     "kcxx_platform_test: unloaded, 0 driver states alive": 2,
                     "# kcxx suite: kcxx_platform": 2,  # loaded twice
                     "kcxx_platform_test: sysfs attributes ok": 1,
                 })

# Page blocks, FIFOs, pools; a client mapping the module's UserPages; then
# its module parameters through insmod, sysfs and modinfo (the module is
# loaded three times: defaults, then values).
MEMORY_LINES = {
    "kcxx_memory_test: params answer=7 enabled=0 count=3": 1,
    "kcxx_memory_test: params answer=-5 enabled=1 count=65535": 1,
    "kcxx_memory_test: answer=101 is outside -100..100": 1,
    "kcxx_memory_test: answer: 'abc' is not a valid value": 1,
    # busybox insmod tries finit_module(), then init_module()
    "kcxx_memory_test: answer=1000 is outside -100..100": 2,
    "kcxx_memory_test: count=65536 is outside 0..65535": 2,
    "kcxx_memory_test: answer: '12x' is not a valid value": 2,
    "kcxx_memory_test: parameters checked": 1,
}
for kernel in KERNELS:
    @test(f"kernel/kcxx_memory/virt-{kernel}")
    def _(log, kernel=kernel):
        client = guest_binary(log, "pages_client")
        if not client:
            return False
        ok, console = boot(log, kernel, f"kcxx_memory-virt-{kernel}", "--file", client,
                           "--module", module(kernel, "kcxx_memory_test"),
                           "--run", "tests/kernel/memory_test.sh")
        return (ok and ktap(log, console, "kcxx_memory", 11) and ktap(log, console, "kcxx_user_pages", 3)
                and expect_lines(log, console, MEMORY_LINES))


# kcxx/io_ports.h on QEMU's RTL8139 (virt's PCI bus): the host reads back
# through QEMU the MAC it gave the device and the register the module wrote.
for kernel in KERNELS:
    @test(f"kernel/kcxx_ioport/virt-{kernel}")
    def _(log, kernel=kernel):
        name = f"kcxx_ioport-virt-{kernel}"
        hw = os.path.join(LOGS, name + ".hw")
        ok, console = boot(log, kernel, name, "--device", "rtl8139,mac=52:54:00:4b:43:58,romfile=",
                           "--file", module(kernel, "kcxx_ioport_test"),
                           "--run", "tests/kernel/ioport_test.sh", "--hw-log", hw)
        reads = {}
        for line in open(hw) if os.path.exists(hw) else []:
            entry = json.loads(line)
            reads[entry["tag"]] = entry["values"]
        log.write(f"host reads: {reads}\n")
        return (ok and ktap(log, console, "kcxx_ioport", 6)
                and reads.get("idr") == [0x4b005452] and reads.get("mar") == [0xc0ffee11]
                and expect_lines(log, console, ["kcxx_ioport_test: MAR0-3 written",
                                                "kcxx_ioport_test: ports released at unload"]))


# Interrupts (the PL031 alarm) and deferred work; then unbind/bind while the
# alarm fires 80-130 times a second (measured).
ktap_module_test("kcxx_irq", "kcxx_irq_test", KERNELS, expect=7,
                 args=("--overlay", "tests/kernel/irq_test.dts", "--run", "tests/kernel/irq_test.sh"),
                 lines={
                     "kcxx_irq_test: bound, PL031 alarm on irq": 21,  # at load, then at each of 20 binds
                     "kcxx_irq_test: unloaded, 0 late handler calls, 0 states alive": 1,
                     "irq: 20 unbind/bind cycles under the storm": 1,
                 })

ktap_module_test("kcxx_dma", "kcxx_dma_test", KERNELS, expect=7,
                 args=("--overlay", "tests/kernel/dma_test.dts", "--run", "tests/kernel/dma_test.sh"),
                 lines={
                     # probed at load and at bind; the state (coherent ring, pool
                     # block) dropped at unbind and at unload, while still bound
                     "kcxx_dma_test: probed, ring at ": 2,
                     "kcxx_dma_test: state dropped, 1 pool block(s) live": 2,
                     "kcxx_dma_test: unloaded": 1,
                 })

# kcxx/dma_engine.h on raspi3b's BCM2835 DMA controller.
ktap_module_test("kcxx_dmaengine", "kcxx_dmaengine_test", DEBIAN_KERNELS, board="raspi3b", expect=5,
                 args=("--overlay", "tests/kernel/dmaengine_test.dts", "--run", "tests/kernel/dmaengine_test.sh"),
                 lines={
                     "kcxx_dmaengine_test: probed, channel dma0chan": 2,  # at load and at bind
                     "kcxx_dmaengine_test: channel released": 2,  # at unbind and at unload
                     "kcxx_dmaengine_test: unloaded": 1,
                 })

for kernel in KERNELS:
    @test(f"kernel/kcxx_chardev/virt-{kernel}")
    def _(log, kernel=kernel):
        client = guest_binary(log, "chardev_client")
        if not client:
            return False
        ok, console = boot(log, kernel, f"kcxx_chardev-virt-{kernel}",
                           "--module", module(kernel, "kcxx_chardev_test"),
                           "--file", client, "--run", "tests/kernel/chardev_test.sh")
        return (ok and ktap(log, console, "kcxx_chardev", 9)
                and expect_lines(log, console, ["kcxx_chardev_test: unloaded after the last close"]))


# The same suites on a PC: Debian's amd64 kernels on QEMU's q35 (TCG), the
# modules built for x86_64-<kernel>. The suites that need no device tree:
# the platform, IRQ and DMA ones probe from DT nodes on the arm64 boards.
for kernel in X86_KERNELS:
    @test(f"kernel/pipeline/q35-{kernel}")
    def _(log, kernel=kernel):
        ok, console = boot(log, kernel, f"pipeline-q35-{kernel}",
                           "--module", module(kernel, "kcxx_pipeline_test", "x86_64"), board="q35")
        return ok and ktap(log, console, "kcxx_pipeline") and built_for_running(log, console, kernel)


# The rest on the oldest and the newest amd64 kernel (6.12 sits between them).
for kernel in [k for k in X86_KERNELS if k != "6.12"]:
    @test(f"kernel/kcxx_core/q35-{kernel}")
    def _(log, kernel=kernel):
        ok, console = boot(log, kernel, f"kcxx_core-q35-{kernel}",
                           "--module", module(kernel, "kcxx_core_test", "x86_64"), board="q35")
        return ok and ktap(log, console, "kcxx_core")

    @test(f"kernel/kcxx_memory/q35-{kernel}")
    def _(log, kernel=kernel):
        client = guest_binary(log, "pages_client", "x86_64")
        if not client:
            return False
        ok, console = boot(log, kernel, f"kcxx_memory-q35-{kernel}", "--file", client,
                           "--module", module(kernel, "kcxx_memory_test", "x86_64"),
                           "--run", "tests/kernel/memory_test.sh", board="q35")
        return (ok and ktap(log, console, "kcxx_memory", 11) and ktap(log, console, "kcxx_user_pages", 3)
                and expect_lines(log, console, MEMORY_LINES))

    @test(f"kernel/kcxx_chardev/q35-{kernel}")
    def _(log, kernel=kernel):
        client = guest_binary(log, "chardev_client", "x86_64")
        if not client:
            return False
        ok, console = boot(log, kernel, f"kcxx_chardev-q35-{kernel}",
                           "--module", module(kernel, "kcxx_chardev_test", "x86_64"),
                           "--file", client, "--run", "tests/kernel/chardev_test.sh", board="q35")
        return (ok and ktap(log, console, "kcxx_chardev", 9)
                and expect_lines(log, console, ["kcxx_chardev_test: unloaded after the last close"]))

    # Real x86 port I/O: the RTL8139's ports, read back by the host with
    # the monitor's `i` (kcxx-hw io:PORT).
    @test(f"kernel/kcxx_ioport/q35-{kernel}")
    def _(log, kernel=kernel):
        name = f"kcxx_ioport-q35-{kernel}"
        hw = os.path.join(LOGS, name + ".hw")
        ok, console = boot(log, kernel, name, "--device", "rtl8139,mac=52:54:00:4b:43:58,romfile=",
                           "--file", module(kernel, "kcxx_ioport_test", "x86_64"),
                           "--run", "tests/kernel/ioport_test.sh", "--hw-log", hw, board="q35")
        reads = {}
        for line in open(hw) if os.path.exists(hw) else []:
            entry = json.loads(line)
            reads[entry["tag"], entry["space"]] = entry["values"]
        log.write(f"host reads: {reads}\n")
        return (ok and ktap(log, console, "kcxx_ioport", 6)
                and reads.get(("idr", "io")) == [0x4b005452] and reads.get(("mar", "io")) == [0xc0ffee11]
                and expect_lines(log, console, ["kcxx_ioport_test: MAR0-3 written",
                                                "kcxx_ioport_test: ports released at unload"]))
