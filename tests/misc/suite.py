# SPDX-License-Identifier: GPL-2.0
"""misc/*: kcxx-gpio-button on the virt board's power button, pressed from
the host through QEMU's monitor and counted through the line's interrupt."""
import json
import os

from kcxx_test import KERNELS, LOGS, boot, driver, expect_lines, test

for kernel in KERNELS:
    @test(f"misc/gpio-button/virt-{kernel}")
    def _(log, kernel=kernel):
        name = f"gpio-button-virt-{kernel}"
        hw = os.path.join(LOGS, name + ".hw")
        ok, console = boot(log, kernel, name, "--overlay", "dts/virt/gpio-button.dts",
                           "--module", driver(kernel, "misc/kcxx-gpio-button.ko"),
                           "--run", "tests/misc/button.sh", "--hw-log", hw)
        if not ok:
            return False
        # What the host did, from the host's own log: 5 presses, then 1.
        sent = [json.loads(line) for line in open(hw)] if os.path.exists(hw) else []
        presses = [e["count"] for e in sent if e.get("command") == "system_powerdown"]
        log.write(f"host sent system_powerdown x {presses}\n")
        return presses == [5, 1] and expect_lines(log, console, [
            "button: the host pressed 5 times; presses 5",
            "button: a blocked reader got '1'",
            "button: unbind with a blocked reader took",
            "button: done, module unloaded",
        ])
