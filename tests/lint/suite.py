# SPDX-License-Identifier: GPL-2.0
"""lint/*: tools/kcxx-lint's gates. Each is clean on the project
(lint/<gate>), still finds what tests/lint-fixtures/<gate>/ plants
(lint/<gate>-bites), and fails when its own tool is broken or missing."""
import os
import sys

from kcxx_test import sh, test, tool

HERE = os.path.dirname(os.path.abspath(__file__))
GATES = ["sparse", "coccinelle", "checkpatch", "clang-tidy", "cppcheck", "thread-safety",
         "clang-format", "dtc", "dt-schema", "safety-comments"]

for gate in GATES:
    @test(f"lint/{gate}")
    def _(log, gate=gate):
        return sh([tool("kcxx-lint"), gate], log)

    @test(f"lint/{gate}-bites")
    def _(log, gate=gate):
        return sh([tool("kcxx-lint"), "--fixtures", gate], log)


@test("lint/broken-tools-fail-their-gates")
def _(log):
    """Each gate fails when its tool errors, does nothing, or is missing."""
    return sh([sys.executable, os.path.join(HERE, "broken_tools.py")], log)
