# SPDX-License-Identifier: GPL-2.0
"""install/*: what a user installs. `make install`/`make uninstall` into a
staging root (the framework then builds a module of the user's own), the
Debian packages (built, lintian-clean), DKMS installing them for two Debian
kernels in a new Debian root, and the drivers loading themselves from the
overlays' nodes in a guest after `make install`."""
import glob
import os
import re
import shutil

from kcxx_test import DEBIAN_KERNELS, LOGS, X86_KERNELS, TOP, boot, kernel_env, pins, sh, test, tool

DRIVERS = ["kcxx-dma-memcpy", "kcxx-gpio-button", "kcxx-gpio-leds", "kcxx-mmio-leds", "kcxx-vserial"]


def built_drivers(target):
    return sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(TOP, "build", target, "drivers", "*", "*.ko")))


@test("install/make-install/x86_64-6.1")
def _(log):
    stage = os.path.join(TOP, "build", "install", "stage")
    shutil.rmtree(os.path.dirname(stage), ignore_errors=True)
    release = kernel_env("6.1-amd64")["KREL"]
    env = ["env", f"DESTDIR={stage}"]
    if not sh(env + ["make", "-s", "install", "TARGET=x86_64-6.1"], log):
        return False
    good = True

    def check(ok, what):
        nonlocal good
        log.write(f"{'ok  ' if ok else 'FAIL'} {what}\n")
        good = good and ok

    moddir = os.path.join(stage, "lib", "modules", release, "updates", "kcxx")
    installed = sorted(f[:-3] for f in os.listdir(moddir)) if os.path.isdir(moddir) else []
    check(installed == DRIVERS == built_drivers("x86_64-6.1"), f"the drivers, and only they, in {moddir}: {installed}")
    # DKMS builds what dkms.conf names: the same drivers.
    names = sorted(re.findall(r'^BUILT_MODULE_NAME\[\d+\]="([^"]+)"', open(os.path.join(TOP, "dkms.conf")).read(), re.M))
    check(names == DRIVERS, f"dkms.conf builds the same drivers: {names}")
    for m in DRIVERS:
        check(sh(["sh", "-c", f"modinfo -b {stage} -k {release} -F alias {m} | grep -q '^of:N\\*T\\*Ckcxx,'"], log),
              f"modinfo finds {m} with an of: alias")
        check(sh(["sh", "-c", f"! readelf -S {moddir}/{m}.ko | grep -q debug_info"], log), f"{m} is stripped")
    share = os.path.join(stage, "usr", "share", "kcxx")
    for f in ["kcxx.mk", "include/kcxx/module.h", "bridge/platform.c", "scripts/cxx-reject-flags",
              "dts/virt/gpio-leds.dts", "dts/virt/gpio-leds.dtbo", "dts/raspi3b/gpio-leds.dtbo"]:
        check(os.path.exists(os.path.join(share, f)), f"{f} installed")
    check(sh(["fdtdump", os.path.join(share, "dts/virt/gpio-leds.dtbo")], open(os.devnull, "w")), "the .dtbo is a device tree")

    # A module of the user's own, out of tree, on the installed framework.
    user = os.path.join(TOP, "build", "install", "user-module")
    os.makedirs(user)
    shutil.copy(os.path.join(TOP, "Documentation", "framework", "examples", "hello_module.cpp"), user)
    with open(os.path.join(user, "Kbuild"), "w") as f:
        f.write(f"include {share}/kcxx.mk\nobj-m += hello.o\nhello-y := hello_module.o $(kcxx-bridge)\n")
    kdir = kernel_env("6.1-amd64")["KDIR"]
    check(sh(["make", "-s", "-C", kdir, f"M={user}", "CONFIG_DEBUG_INFO_BTF_MODULES=", "modules"], log)
          and sh([tool("kcxx-check-ko"), kdir, os.path.join(user, "hello.ko")], log),
          "an out-of-tree module builds on the installed kcxx.mk")

    check(sh(env + ["make", "-s", "uninstall", "TARGET=x86_64-6.1"], log), "make uninstall")
    left = [os.path.relpath(os.path.join(d, f), stage) for d, _, fs in os.walk(stage) for f in fs
            if not re.match(r"modules\.", f)]
    check(left == [], f"nothing but depmod's indexes is left: {left}")
    return good


@test("install/deb")
def _(log):
    # tools/kcxx-deb fails on any lintian error or warning.
    return sh([tool("kcxx-deb")], log) and sh(["sh", "-c", "dpkg-deb -c build/deb/kcxx-dkms_*.deb | grep -q '/usr/src/kcxx-.*/dkms.conf'"], log)


@test("install/dkms/amd64-6.1+6.12")
def _(log):
    debs = glob.glob(os.path.join(TOP, "build", "deb", "kcxx-dkms_*.deb"))
    if not debs and not sh([tool("kcxx-deb"), "--no-lintian"], log):
        return False
    room_in = os.path.join(TOP, "build", "install", "dkms-room")
    shutil.rmtree(room_in, ignore_errors=True)
    os.makedirs(room_in)
    for f in glob.glob(os.path.join(TOP, "build", "deb", "kcxx-dkms_*.deb")) + [os.path.join(TOP, "tests", "install", "dkms-room.sh")]:
        shutil.copy(f, room_in)
    releases = [kernel_env(k)["KREL"] for k in ["6.1-amd64", "6.12-amd64"]]
    return sh([tool("kcxx-clean-room"), "--copy-in", room_in, "--", "sh", "/src/in/dkms-room.sh", *releases], log)


# Debian 12's first kernel on virt, the newest on the PC.
for board, kernel in [("virt", DEBIAN_KERNELS[0]), ("q35", X86_KERNELS[-1])]:
    @test(f"install/autoload/{board}-{kernel}")
    def _(log, kernel=kernel, board=board):
        return autoload(log, kernel, board)


def autoload(log, kernel, board):
    """virt: the overlays' nodes; q35: the same devices from ACPI (PRP0001,
    whose modalias is of: too)."""
    stage = os.path.join(TOP, "build", "install", f"initramfs-{board}-{kernel}")
    shutil.rmtree(stage, ignore_errors=True)
    target = f"x86_64-{kernel}" if board == "q35" else f"arm64-{kernel}"
    if not sh(["env", f"DESTDIR={stage}", "make", "-s", "install", f"TARGET={target}"], log):
        return False
    shutil.rmtree(os.path.join(stage, "usr"))  # the guest needs the modules only
    name = f"autoload-{board}-{kernel}"
    hw = os.path.join(LOGS, name + ".hw")
    if board == "q35":
        devices = ["--acpi", "dts/q35/vserial.asl", "--acpi", "dts/q35/dma-memcpy.asl"]
    else:
        devices = ["--overlay", "dts/virt/gpio-leds.dts", "--overlay", "dts/virt/vserial.dts",
                   "--overlay", "dts/virt/dma-memcpy.dts"]
    ok, _ = boot(log, kernel, name, "--tree", stage, *devices, "--run", "tests/install/autoload.sh",
                 "--hw-log", hw, board=board)
    if board == "q35":
        return ok
    expect = (pins("probed", pin4=1) + pins("status-off", pin4=0) + pins("status-on", pin4=1)
              + pins("unloaded", pin4=0))
    return ok and sh([tool("kcxx-hw-expect"), hw] + expect, log)
