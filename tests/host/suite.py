# SPDX-License-Identifier: GPL-2.0
"""host/*: unit tests of pure logic, compiled for the host (GoogleTest)."""
import os

from kcxx_test import TOP, sh, test


@test("host/leds-bank-layouts")
def _(log):
    """The MMIO LED register layouts (Exynos4412 and sunxi included) on simulated registers."""
    out = os.path.join(TOP, "build", "host", "leds_banks_test")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    return (sh(["g++", "-std=gnu++20", "-O1", "-Wall", "-Wextra", "-Werror",
                "-I" + os.path.join(TOP, "framework", "include"),
                "-I" + os.path.join(TOP, "build", "x86_64-6.1", "framework", "kcxx-gen"),
                "-I" + os.path.join(TOP, "drivers", "leds"), "-o", out,
                os.path.join(TOP, "tests", "host", "leds_banks_test.cpp"),
                "-lgtest", "-lgtest_main", "-pthread"], log)
            and sh([out], log))
