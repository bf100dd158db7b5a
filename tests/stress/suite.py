# SPDX-License-Identifier: GPL-2.0
"""stress/*: the adversarial tests. Unbind/bind and unload/load cycles of
every driver with files open and I/O in flight; hostile ioctls on every
device node from several processes. The figures go to the test log."""
import re

from kcxx_test import boot, driver, expect_lines, guest_binary, module, test

OVERLAYS = ["--overlay", "dts/virt/gpio-leds.dts", "--overlay", "dts/virt/vserial.dts",
            "--overlay", "tests/dma/dma-faults.dts"]


def modules(kernel):
    return ["--module", "ledtrig-timer", "--module", module(kernel, "kcxx_test_dmac"),
            "--module", driver(kernel, "leds/kcxx-gpio-leds.ko"),
            "--module", driver(kernel, "tty/kcxx-vserial.ko"),
            "--module", driver(kernel, "dma/kcxx-dma-memcpy.ko")]


def figures(log, console, pattern):
    for line in re.findall(pattern, open(console, errors="replace").read(), re.M):
        log.write(line + "\n")


for kernel, cycles, module_cycles in [("6.1", 1000, 200), ("6.1-debug", 50, 10)]:
    @test(f"stress/bind-cycles/virt-{kernel}")
    def _(log, kernel=kernel, cycles=cycles, module_cycles=module_cycles):
        client = guest_binary(log, "dma_copy_client")
        script = f"build/test-logs/cycles-{kernel}.sh"
        with open(script, "w") as f:
            f.write(f"CYCLES={cycles} MODULE_CYCLES={module_cycles} . /kcxx/cycles.sh\n")
        ok, console = boot(log, kernel, f"stress-cycles-{kernel}", *OVERLAYS, *modules(kernel),
                           "--file", client, "--file", "tests/stress/cycles.sh", "--run", script,
                           "--timeout", "1200")
        figures(log, console, r"^cycles: .*$")
        return ok and expect_lines(log, console, [
            f"cycles: kcxx-gpio-leds: {cycles} unbind/bind cycles under load",
            f"cycles: kcxx-vserial: {cycles} unbind/bind cycles under load",
            f"cycles: kcxx-dma-memcpy: {cycles} unbind/bind cycles under load",
            "cycles: done, modules unloaded",
        ])

for kernel in ["6.1", "6.1-debug"]:
    @test(f"stress/ioctl-fuzz/virt-{kernel}")
    def _(log, kernel=kernel):
        fuzzer = guest_binary(log, "ioctl_fuzz")
        client = guest_binary(log, "dma_copy_client")
        if not fuzzer or not client:
            return False
        ok, console = boot(log, kernel, f"stress-fuzz-{kernel}", *OVERLAYS, *modules(kernel),
                           "--file", fuzzer, "--file", client, "--run", "tests/stress/fuzz.sh",
                           "--timeout", "600")
        figures(log, console, r"^fuzz: .*$")
        text = open(console, errors="replace").read()
        answers = re.findall(r"^fuzz: (/dev/\S+): 100000 ioctls from 4 processes: .*, (\d+) other$", text, re.M)
        clean = [dev for dev, other in answers if other == "0"]
        log.write(f"{len(clean)} of 4 device nodes gave only clean answers (0 other)\n")
        return ok and len(clean) == 4 and expect_lines(log, console, ["fuzz: every device still works"])
