# SPDX-License-Identifier: GPL-2.0
"""leds/*: kcxx-gpio-leds and kcxx-mmio-leds on virt's PL061 and raspi3b's
GPIO block, every pin read from the host; and the malformed nodes each must
refuse with a clear message."""
import os

from kcxx_test import KERNELS, LOGS, boot, driver, expect_lines, pins, refused_every_bad_node, sh, test, tool

for kernel, backend in [(k, b) for b in ["gpio", "mmio"] for k in KERNELS]:
    @test(f"leds/{backend}-leds/virt-{kernel}")
    def _(log, kernel=kernel, backend=backend):
        name = f"{backend}-leds-virt-{kernel}"
        hw, trace = os.path.join(LOGS, name + ".hw"), os.path.join(LOGS, name + ".trace")
        ok, _ = boot(log, kernel, name, "--overlay", f"dts/virt/{backend}-leds.dts",
                     "--module", "ledtrig-timer", "--module", driver(kernel, f"leds/kcxx-{backend}-leds.ko"),
                     "--run", "tests/leds/leds-virt.sh", "--hw-log", hw,
                     "--trace", "pl061_set_output", "--trace-file", trace)
        expect = (pins("probed", pin4=1, pin6=1, pin7=0)          # default-state on / off (active low) / keep
                  + pins("status-off", pin4=0, pin6=1, pin7=0)    # one LED moves, the others stay
                  + pins("status-on", pin4=1, pin6=1)
                  + pins("inverted-on", pin4=1, pin6=0)           # active low: on drives the pin low
                  + pins("inverted-off", pin6=1)
                  + pins("kept-on", pin4=1, pin6=1, pin7=1)
                  + pins("after-garbage", pin4=1, pin6=1, pin7=1)
                  + pins("unloaded", pin4=0, pin6=1, pin7=1)      # off at removal, unless retained
                  + pins("reloaded", pin4=1, pin6=1, pin7=1))
        return (ok and sh([tool("kcxx-hw-expect"), hw] + expect, log)
                and sh([tool("kcxx-pin-trace"), trace, "5", "--min-toggles", "4"], log)    # heartbeat
                and sh([tool("kcxx-pin-trace"), trace, "4", "--min-toggles", "20"], log))  # timer 50/50 ms, 2 s


for backend, kernel in [("gpio", "6.1"), ("mmio", "6.12")]:
    @test(f"leds/{backend}-leds/raspi3b-{kernel}")
    def _(log, kernel=kernel, backend=backend):
        name = f"{backend}-leds-raspi3b-{kernel}"
        hw = os.path.join(LOGS, name + ".hw")
        ok, _ = boot(log, kernel, name, "--overlay", f"dts/raspi3b/{backend}-leds.dts",
                     "--module", driver(kernel, f"leds/kcxx-{backend}-leds.ko"),
                     "--run", "tests/leds/leds-raspi3b.sh", "--hw-log", hw, board="raspi3b")
        expect = (pins("probed", pin17=1, pin27=1)       # on; off with active low = high
                  + pins("status-off", pin17=0, pin27=1)
                  + pins("activity-on", pin17=0, pin27=0)
                  + pins("both-flipped", pin17=1, pin27=1)
                  + pins("unloaded", pin17=0, pin27=1))  # both off at removal
        return ok and sh([tool("kcxx-hw-expect"), hw] + expect, log)


# Beside every bad-* node refused (refused_every_bad_node), one line per
# kind of refusal, as the user reads it.
BAD_LEDS = {
    "gpio": [
        "error -ENOENT: /bad-no-gpios/led: property 'gpios' is missing",
        "error -EINVAL: /bad-default-state/led: property 'default-state' is malformed",
        "error -ENODEV: /bad-no-leds: no LED child nodes",
        "bad-same-pin: error -EBUSY: /bad-same-pin/led-",  # whichever LED comes second
        "error -EILSEQ: /bad-label-number/led: property 'label' is malformed",
        "error -ENODATA: /bad-trigger-empty/led: property 'linux,default-trigger' is malformed",
        "error -EINVAL: /bad-gpios-not-a-controller/led: property 'gpios' names no usable line",
        # not ready is not an error: the device waits, with the reason recorded
        "bad-controller-not-ready\tkcxx-gpio-leds: /bad-controller-not-ready/led: property 'gpios'",
        "kcxx bad-input: 1 of the clashing nodes bound, 1 LED",
    ],
    "mmio": [
        "error -EINVAL: /bad-no-reg: property 'reg': entry 0 is missing",
        "error -EINVAL: reg[0] is 256 bytes, the register layout needs 4096",
        "error -ENODEV: /bad-no-leds@9070000: no LED child nodes",
        "error -EINVAL: /bad-child-no-reg@9060000/led: property 'reg' is missing",
        "error -EINVAL: /bad-pin-range@9050000/led@9: property 'reg': pin 9 is beyond the bank's 8 pins",
        "error -EBUSY: /bad-same-pin@9150000/led@1",  # ...: pin 1 is already another LED's
        "pin 1 is already another LED's",
        "error -EOVERFLOW: /bad-child-reg-string@90c0000/led@1: property 'reg' is malformed",
        "property 'reg': entry 0 cannot be mapped (in use?)",  # the clash-* node that came second
        "kcxx bad-input: 1 of the clashing nodes bound, 1 LED",
    ],
}
DRIVER_NAMES = {"gpio": "kcxx-gpio-leds", "mmio": "kcxx-pl061-leds"}

for backend, kernel in [(b, k) for b in ["gpio", "mmio"] for k in ["6.1", "6.1-debug"]]:
    @test(f"leds/{backend}-leds-bad-input/virt-{kernel}")
    def _(log, backend=backend, kernel=kernel):
        dts = f"tests/leds/bad-{backend}-leds.dts"
        ok, console = boot(log, kernel, f"{backend}-leds-bad-input-{kernel}", "--overlay", dts,
                           "--module", driver(kernel, f"leds/kcxx-{backend}-leds.ko"),
                           "--run", "tests/leds/bad-leds.sh")
        return (ok and refused_every_bad_node(log, console, dts, DRIVER_NAMES[backend])
                and expect_lines(log, console, ["kcxx bad-input: module unloaded"] + BAD_LEDS[backend]))
