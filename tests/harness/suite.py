# SPDX-License-Identifier: GPL-2.0
"""harness/*: the host tools that judge every other test must reject what
they promise to reject: failing and crashing modules, broken .ko files, each
kind of report of the debug kernel's checkers; and they observe emulated
hardware from outside the guest."""
import os
import sys

from kcxx_test import (DEBIAN_KERNELS, LOGS, TOP, boot, kcxx_targets, kernel_env, module, sh, test,
                       tool)

HERE = os.path.dirname(os.path.abspath(__file__))


@test("harness/log-and-ktap-checks")
def _(log):
    return sh([sys.executable, os.path.join(HERE, "test_harness.py")], log)


@test("harness/failing-module-is-rejected")
def _(log):
    ok, console = boot(log, "6.1", "harness-failing-module", "--module", module("6.1", "kcxx_harness_fail"))
    if not ok or not sh([tool("ktap"), "--suite", "kcxx_harness_fail", console], log, expect=1):
        return False
    return "not ok 6 injected_failure" in open(console).read() or log.write("no failure line\n") and False


@test("harness/crashing-module-is-rejected")
def _(log):
    ok, console = boot(log, "6.1", "harness-crashing-module", "--module", module("6.1", "kcxx_harness_crash"),
                       expect=1)
    if not ok:
        return False
    text = open(console).read()
    log.write(text[-3000:])
    return "Oops" in text and sh([tool("ktap"), "--suite", "kcxx_harness_crash", console], log, expect=1)


@test("harness/hung-boot-is-booted-again")
def _(log):
    """A kernel that never reaches init is killed and booted again, and the
    run fails once every attempt hung (init here sleeps instead of running)."""
    script = os.path.join(LOGS, "harness-hung-boot.sh")
    with open(script, "w") as f:
        f.write("echo never reached\n")
    ok, console = boot(log, "6.1", "harness-hung-boot", "--run", script, "--boot-timeout", "4",
                       "--append", "rdinit=/bin/busybox -- sleep 600", expect=1)
    attempts = open(console).read().count("kcxx-qemu: no BOOTED marker after 4.0 s") if ok else 0
    log.write(f"{attempts} hung boots recorded in the console log (want 3)\n")
    return ok and attempts == 3


for target in ["arm64-6.1", "x86_64-6.1", "arm64-6.1-debug"]:
    @test(f"harness/check-ko-rejects-bad-modules/{target}")
    def _(log, target=target):
        t = kcxx_targets.target(target)
        ko = os.path.join(TOP, "build", target, "drivers", "leds", "kcxx-gpio-leds.ko")
        return sh([os.path.join(HERE, "check-ko-rejects.sh"), kernel_env(f"{t.kernel}-{t.debarch}")["KDIR"], ko],
                  log)


# The debug kernel's checkers, each given a bug of its kind by
# tests/kernel/harness_bugs.c: the run must fail, naming the right report.
DEBUG_REPORTS = {
    "kasan": "KASAN report",
    "kfence": "KFENCE report",
    "ubsan": "UBSAN report",
    "lockdep": "lockdep report",
    "atomic-sleep": "atomic-context violation",
    "dma-api": "DMA-API report",
    "debugobjects": "debug-objects report",
    "kmemleak": "kmemleak leak",
}

for bug, report in DEBUG_REPORTS.items():
    @test(f"harness/debug-kernel-catches/{bug}")
    def _(log, bug=bug, report=report):
        script = os.path.join(LOGS, f"commit-bug-{bug}.sh")
        extra = [] if bug == "kmemleak" else ["--no-kmemleak"]
        start = ""
        if bug == "kasan":  # a KFENCE-sampled allocation would be KFENCE's to report
            extra += ["--append", "kfence.sample_interval=0"]
        if bug == "kfence":
            # KFENCE's 255 slots fill with long-lived boot allocations on a
            # slow boot: start it late, with an empty pool, just before.
            extra += ["--append", "kfence.sample_interval=0"]
            start = "echo 1 >/sys/module/kfence/parameters/sample_interval\n"
        with open(script, "w") as f:
            f.write(f"{start}insmod /kcxx/kcxx_harness_bugs.ko bug={bug}\nsleep 1\n")
        ok, console = boot(log, "6.1-debug", f"debug-kernel-catches-{bug}",
                           "--file", module("6.1-debug", "kcxx_harness_bugs"), "--run", script,
                           *extra, expect=1)
        text = open(log.name).read()
        found = f"FAIL: {report}:" in text
        log.write(f"{'ok  ' if found else 'FAIL'} the run failed with '{report}'\n")
        return ok and found


# In kcxx's own clean room (tools/kcxx-clean-room) this is not run again:
# .ci/run runs it on the machine before it runs make check in a room. (In
# other containers, such as ../shared/tools/fresh-machine, it runs nested.)
if "KCXX_IN_CLEAN_ROOM" not in os.environ:
    @test("harness/clean-room-is-clean")
    def _(log):
        if os.geteuid() != 0:
            log.write("the clean room needs root (it mounts and chroots)\n")
            return False
        return sh([tool("kcxx-clean-room"), "--self-test"], log)


for kernel in DEBIAN_KERNELS:  # no kcxx code in it: nothing for the debug kernel to check
    @test(f"harness/host-reads-emulated-gpio/virt-{kernel}")
    def _(log, kernel=kernel):
        name = f"host-reads-emulated-gpio-{kernel}"
        hw = os.path.join(LOGS, name + ".hw")
        trace = os.path.join(LOGS, name + ".trace")
        ok, _ = boot(log, kernel, name, "--run", "tests/harness/gpio-observe.sh", "--hw-log", hw,
                     "--trace", "pl061_set_output", "--trace-file", trace)
        pin5 = 1 << 5
        return (ok and sh([tool("kcxx-hw-expect"), hw, f"direction:{pin5}={pin5}",
                           f"pin5-high:{pin5}={pin5}", f"pin5-low:{pin5}=0",
                           f"pin5-high-again:{pin5}={pin5}"], log)
                and sh([tool("kcxx-pin-trace"), trace, "5", "--expect-tail", "1,0,1"], log))


@test("harness/host-reads-emulated-gpio/raspi3b-6.1")
def _(log):
    name = "host-reads-emulated-gpio-raspi3b"
    hw = os.path.join(LOGS, name + ".hw")
    ok, _ = boot(log, "6.1", name, "--run", "tests/harness/gpio-observe-raspi3b.sh", "--hw-log", hw,
                 board="raspi3b")
    gpio17 = 1 << 17
    return ok and sh([tool("kcxx-hw-expect"), hw, f"gpio17-high:{gpio17}={gpio17}", f"gpio17-low:{gpio17}=0"], log)


@test("harness/overlay-on-board-tree/virt-6.1")
def _(log):
    name = "overlay-on-board-tree"
    hw = os.path.join(LOGS, name + ".hw")
    ok, _ = boot(log, "6.1", name, "--overlay", "dts/virt/stock-gpio-leds.dts",
                 "--module", "leds-gpio", "--run", "tests/harness/overlay-led.sh", "--hw-log", hw)
    pin5 = 1 << 5
    return ok and sh([tool("kcxx-hw-expect"), hw, f"default-on:{pin5}={pin5}",
                      f"off:{pin5}=0", f"on:{pin5}={pin5}"], log)
