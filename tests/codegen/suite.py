# SPDX-License-Identifier: GPL-2.0
"""codegen/*: kcxx's MMIO accessors compile to the same instructions as C's
readl()/writel() on every target, and the check can tell when they do not."""
import os

from kcxx_test import DEBIAN_MATRIX, sh, test

CHECK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check")

for target in DEBIAN_MATRIX:
    @test(f"codegen/iomem-parity/{target}")
    def _(log, target=target):
        return sh([CHECK, target], log)

    @test(f"codegen/iomem-parity-self-test/{target}")
    def _(log, target=target):
        return sh([CHECK, "--self-test", target], log)
