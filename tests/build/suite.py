# SPDX-License-Identifier: GPL-2.0
"""build/<target>: every target of tools/targets, warnings as errors, and
tools/kcxx-check-ko on every module."""
from kcxx_test import MATRIX, sh, test, tool

for target in MATRIX:
    @test(f"build/{target}")
    def _(log, target=target):
        return sh([tool("kcxx-build"), target], log)
