# SPDX-License-Identifier: GPL-2.0
"""doc/*: the documentation's examples compile with a kernel's own flags
(tests/doc/check): Documentation/**/examples/*.cpp and the headers'
"Example (compiled):" blocks."""
import os

from kcxx_test import sh, test

HERE = os.path.dirname(os.path.abspath(__file__))

for target in ("arm64-6.1", "x86_64-6.12"):
    @test(f"doc/examples/{target}")
    def _(log, target=target):
        return sh([os.path.join(HERE, "check"), target], log)
