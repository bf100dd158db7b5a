# SPDX-License-Identifier: GPL-2.0
"""dma/*: kcxx-dma-memcpy on raspi3b's BCM2835 DMA controller and on virt
(the CPU copies), driven through sysfs and /dev/kcxx-dma<N> as a client
would; and the malformed nodes it must refuse."""
from kcxx_test import (DEBIAN_KERNELS, SID_KERNELS, X86_KERNELS, boot, driver, expect_lines, guest_binary, ktap, module,
                       refused_every_bad_node, test)

for board, kernel in ([("raspi3b", k) for k in DEBIAN_KERNELS] + [("virt", k) for k in ["6.1", "6.1-debug"] + SID_KERNELS]
                      + [("q35", k) for k in X86_KERNELS if k != "6.12"]):
    @test(f"dma/dma-memcpy/{board}-{kernel}")
    def _(log, kernel=kernel, board=board):
        arch = "x86_64" if board == "q35" else "arm64"
        client = guest_binary(log, "dma_copy_client", arch)
        if not client:
            return False
        if board == "q35":  # the device from ACPI, the driver built for x86_64
            device = ["--acpi", "dts/q35/dma-memcpy.asl"]
        else:
            device = ["--overlay", f"dts/{board}/dma-memcpy.dts"]
        ko = driver(kernel, "dma/kcxx-dma-memcpy.ko", arch)
        ok, console = boot(log, kernel, f"dma-memcpy-{board}-{kernel}", *device,
                           "--module", ko, "--file", client,
                           "--run", "tests/dma/dma-memcpy.sh", "--timeout", "300", board=board)
        engine = "engine: dma dma0chan" if board == "raspi3b" else "engine: cpu"
        return (ok and ktap(log, console, "kcxx_dma_copy", 6)
                and expect_lines(log, console, [engine, "self-test: all sizes passed",
                                                "pins: every pinned page released",
                                                "hold-mapping: SIGBUS on the revoked mapping",
                                                "zero-copy: the mapping faults after unbind",
                                                "kcxx-dma-memcpy: test done, module unloaded"]))


BAD_DMA_MEMCPY = [
    "kcxx-dma-memcpy bad-input: module unloaded",
    "error -EINVAL: /bad-dmas-not-dma: property 'dmas': no usable channel 'memcpy' (error -ENODEV)",
    "error -EINVAL: /bad-dma-names: property 'dma-names' is malformed",
    "error -EINVAL: /bad-names-without-dmas: property 'dmas': is missing, 'dma-names' is not",
    "error -EINVAL: /bad-buffer-size-0: property 'kcxx,buffer-size': 0 bytes, must be 1..1073741824",
    "error -ENOMEM: /bad-buffer-size-huge: property 'kcxx,buffer-size': cannot allocate 1073741824 bytes",
    "error -EINVAL: /bad-length-align: property 'kcxx,length-align': 3, must be a power of two",
    "error -EINVAL: /bad-dma-names-two: property 'dma-names' is malformed",
    "error -EOVERFLOW: /bad-buffer-size-two-cells: property 'kcxx,buffer-size' is malformed",
    "error -EOVERFLOW: /bad-length-align-string: property 'kcxx,length-align' is malformed",
    # a provider that is not ready is not an error: the device waits for it
    "bad-provider-not-ready\tkcxx-dma-memcpy: /bad-provider-not-ready: property 'dmas': provider not ready",
]

for kernel in DEBIAN_KERNELS:
    @test(f"dma/dma-memcpy-bad-input/raspi3b-{kernel}")
    def _(log, kernel=kernel):
        ok, console = boot(log, kernel, f"dma-memcpy-bad-input-{kernel}", "--overlay", "tests/dma/bad-dma-memcpy.dts",
                           "--module", driver(kernel, "dma/kcxx-dma-memcpy.ko"),
                           "--run", "tests/dma/bad-dma-memcpy.sh", board="raspi3b")
        return (ok and refused_every_bad_node(log, console, "tests/dma/bad-dma-memcpy.dts", "kcxx-dma-memcpy")
                and expect_lines(log, console, BAD_DMA_MEMCPY))


# An engine that never completes, completes late, fails, cannot terminate.
for kernel in ["6.1", "6.1-debug"]:
    @test(f"dma/dma-faults/virt-{kernel}")
    def _(log, kernel=kernel):
        client = guest_binary(log, "dma_copy_client")
        if not client:
            return False
        ok, console = boot(log, kernel, f"dma-faults-virt-{kernel}", "--overlay", "tests/dma/dma-faults.dts",
                           "--module", module(kernel, "kcxx_test_dmac"),
                           "--module", driver(kernel, "dma/kcxx-dma-memcpy.ko"), "--file", client,
                           "--run", "tests/dma/dma-faults.sh", "--timeout", "300")
        return ok and expect_lines(log, console, {
            "engine: dma dma": None,
            "error -EINVAL: /dma-no-terminate: property 'dmas': the controller cannot terminate transfers": None,
            "faults: a working engine copies": None,
            "faults: transfers that never complete time out and are terminated": None,
            "faults: late completions after the timeout touch nothing": None,
            "faults: failed transfers are reported as errors": None,
            "faults: O_NONBLOCK gets EAGAIN while the engine is busy": None,
            "faults: unbind with a copy in flight took": None,
            "faults: sysfs reads during a stalled self-test took": None,
            "faults: a killed self-test stopped in": None,
            "faults: unbind with a self-test in flight took": None,
            "kcxx-dma-memcpy faults: test done, modules unloaded": None,
            # the engine needs 4-byte alignment: nothing unaligned reached it
            "misaligned memcpy": 0,
        })
