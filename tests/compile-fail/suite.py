# SPDX-License-Identifier: GPL-2.0
"""compile-fail/*: code that must not compile, and does not, for the reason
each case states (tests/compile-fail/run)."""
import os

from kcxx_test import sh, test

HERE = os.path.dirname(os.path.abspath(__file__))


@test("compile-fail/arm64-6.1")
def _(log):
    return sh([os.path.join(HERE, "run"), "arm64-6.1"], log)
