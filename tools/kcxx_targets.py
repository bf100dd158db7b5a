# SPDX-License-Identifier: GPL-2.0
"""kcxx's build matrix (tools/targets), for the Python tools."""
import os
from collections import namedtuple

Target = namedtuple("Target", "name kernel debarch arch source")

TARGETS = [
    Target(*line.split()[:5])
    for line in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "targets"))
    if line.strip() and not line.lstrip().startswith("#")
]

#: Every target's name, in the file's order.
MATRIX = [t.name for t in TARGETS]

#: The kernels an arm64 board can boot (tools/kcxx-qemu --kernel).
KERNELS = [t.kernel for t in TARGETS if t.debarch == "arm64"]


def target(name):
    return next(t for t in TARGETS if t.name == name)

#: The amd64 kernels the q35 board boots (Debian 12's and sid's).
X86_KERNELS = [t.kernel for t in TARGETS if t.debarch == "amd64" and t.source in ("debian", "sid")]

#: The newest Debian kernel (sid's), built in a sid root (tools/kcxx-build-root).
SID_KERNELS = [t.kernel for t in TARGETS if t.debarch == "arm64" and t.source == "sid"]

#: The arm64 kernels Debian ships (they boot on raspi3b too; the debug
#: kernel is built for virt only).
DEBIAN_KERNELS = [t.kernel for t in TARGETS if t.debarch == "arm64" and t.source == "debian"]

#: The targets of Debian's kernels, what users run (code generation and
#: Sparse are checked there; the debug kernel adds checkers, not targets).
DEBIAN_MATRIX = [t.name for t in TARGETS if t.source == "debian"]
