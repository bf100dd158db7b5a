# SPDX-License-Identifier: GPL-2.0
"""What every area's tests (tests/<area>/suite.py) share: the registry that
tests/run runs, and the helpers to run a command, boot a board and check
what a run printed."""
import os
import re
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LOGS = os.path.join(TOP, "build", "test-logs")
sys.path.insert(0, os.path.join(TOP, "tools"))
import kcxx_targets  # noqa: E402,F401  (tools/targets: the build matrix)
from kcxx_targets import DEBIAN_KERNELS, DEBIAN_MATRIX, KERNELS, MATRIX, SID_KERNELS, X86_KERNELS  # noqa: E402,F401

TESTS = []


def test(name):
    """Registers fn(log) -> bool as the test `name`."""
    def register(fn):
        TESTS.append((name, fn))
        return fn
    return register


def sh(cmd, log, expect=0):
    """Run a command, logging its output; True when its status is `expect`."""
    log.write(f"$ {' '.join(cmd)}\n")
    log.flush()
    status = subprocess.call(cmd, cwd=TOP, stdout=log, stderr=subprocess.STDOUT)
    log.write(f"(status {status}, expected {expect})\n")
    return status == expect


def tool(name):
    return os.path.join(TOP, "tools", name)


def module(kernel, name, arch="arm64"):
    """A test module of tests/kernel/, built for `kernel` on `arch` (arm64, x86_64)."""
    return os.path.join(TOP, "build", f"{arch}-{kernel}", "tests", "kernel", name + ".ko")


def driver(kernel, name, arch="arm64"):
    """A driver of drivers/, e.g. driver("6.1", "leds/kcxx-gpio-leds.ko") (arm64, or x86_64)."""
    return os.path.join(TOP, "build", f"{arch}-{kernel}", "drivers", name)


def boot(log, kernel, name, *args, expect=0, board="virt"):
    """Boot a board with kcxx-qemu; its console goes to build/test-logs/NAME.console."""
    console = os.path.join(LOGS, name + ".console")
    ok = sh([tool("kcxx-qemu"), "--board", board, "--kernel", kernel, "--quiet", "--log", console, *args],
            log, expect)
    return ok, console


def guest_binary(log, name, arch="arm64"):
    """A static program from tests/guest/NAME.c for an arm64 (or x86_64)
    guest, as a real client would be."""
    out = os.path.join(TOP, "build", "guest" if arch == "arm64" else f"guest-{arch}", name)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    ok = sh(["aarch64-linux-gnu-gcc" if arch == "arm64" else "x86_64-linux-gnu-gcc", "-static", "-O2", "-Wall", "-Wextra", "-Werror", "-o", out,
             os.path.join(TOP, "tests", "guest", name + ".c")], log)
    return out if ok else None


def kernel_env(series_arch):
    """The env file tools/kcxx-fetch-kernels wrote for e.g. 6.1-arm64."""
    path = os.path.join(os.environ.get("KCXX_CACHE", os.path.expanduser("~/.cache/kcxx")),
                        "kernels", series_arch, "env")
    return dict(line.strip().split("=", 1) for line in open(path) if "=" in line)


def expect_lines(log, console, expected):
    """Whether the console log holds each expected line: a list (each at
    least once) or a dict {line: exact count}. Logs every verdict."""
    text = open(console, errors="replace").read() if os.path.exists(console) else ""
    counts = expected if isinstance(expected, dict) else {line: None for line in expected}
    good = True
    for line, want in counts.items():
        found = text.count(line)
        ok = found >= 1 if want is None else found == want
        log.write(f"{'ok  ' if ok else 'FAIL'} {found}x (want {'>= 1' if want is None else want}): {line}\n")
        good = good and ok
    return good


def refused_every_bad_node(log, console, dts, driver_name, at_least=20, names=r"bad-[\w,-]+"):
    """Each top-level bad-* node (`names`) of the overlay `dts` was refused by
    `driver_name`: its probe failed with a dev_err naming the device and a
    negative errno ("DRIVER DEV: error -EXXX: ..."), or it waits in
    devices_deferred with the driver's reason. There are at least `at_least`."""
    text = open(console, errors="replace").read() if os.path.exists(console) else ""
    names = re.findall(rf"^\t({names})(?:@[0-9a-f]+)? \{{", open(dts).read(), re.M)
    good = len(names) >= at_least
    log.write(f"{'ok  ' if good else 'FAIL'} {len(names)} bad nodes in {dts} (want >= {at_least})\n")
    for name in names:
        failed = re.search(rf"{re.escape(driver_name)} (?:\S+\.)?{re.escape(name)}: error -E[A-Z0-9]+: ", text)
        deferred = re.search(rf"^(?:\S+\.)?{re.escape(name)}\t{re.escape(driver_name)}: ", text, re.M)
        ok = bool(failed or deferred)
        log.write(f"{'ok  ' if ok else 'FAIL'} {name}: "
                  f"{(failed or deferred).group(0).strip() if ok else 'no error naming it'}\n")
        good = good and ok
    return good


def ktap(log, console, suite, expect=None):
    """tools/ktap on a console log: the suite ran, every case passed."""
    return sh([tool("ktap"), "--suite", suite] + (["--expect", str(expect)] if expect else []) + [console], log)


def pins(tag, **levels):
    """kcxx-hw-expect terms: pin N of the read tagged `tag` is at level V."""
    return [f"{tag}:{1 << int(p[3:])}={v << int(p[3:])}" for p, v in levels.items()]
