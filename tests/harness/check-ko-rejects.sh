#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# tools/kcxx-check-ko must reject what it promises to reject: a built module
# passes, then copies of it broken one way each must fail, naming the fault.
#   check-ko-rejects.sh KDIR MODULE.ko
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
kdir=$1 ko=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

expect() { # expect STATUS PATTERN KDIR KO: kcxx-check-ko's status and a line it prints
	local out status
	out=$("$top/tools/kcxx-check-ko" "$3" "$4" 2>&1)
	status=$?
	if [ "$status" = "$1" ] && grep -q -- "$2" <<<"$out"; then
		echo "ok   $(basename "$4"): status $status, '$2'"
	else
		echo "FAIL $(basename "$4"): status $status (want $1), no '$2' in:"
		sed 's/^/    | /' <<<"$out"
		failed=1
	fi
}

expect 0 "ok $(basename "$ko")" "$kdir" "$ko"

# A kernel that does not export one of the symbols the module needs.
sym=$(readelf -sW "$ko" | awk '$7 == "UND" && $8 ~ /^kcxx_|^__|^_dev|^mutex|^printk|^kmalloc/ { print $8; exit }')
[ -n "$sym" ] || sym=$(readelf -sW "$ko" | awk '$7 == "UND" && $8 != "" { print $8; exit }')
mkdir -p "$tmp/kdir/include/generated" "$tmp/kdir/include/config"
cp "$kdir/include/generated/utsrelease.h" "$tmp/kdir/include/generated/"
cp "$kdir/include/config/auto.conf" "$tmp/kdir/include/config/"
awk -v s="$sym" '$2 != s' "$kdir/Module.symvers" >"$tmp/kdir/Module.symvers"
expect 1 "not exported by the kernel: $sym" "$tmp/kdir" "$ko"

objcopy=objcopy
case $(readelf -h "$ko" | awk '/Machine:/ { print $2 }') in AArch64) objcopy=aarch64-linux-gnu-objcopy ;; esac
if grep -qx CONFIG_CONSTRUCTORS=y "$kdir/include/config/auto.conf"; then
	# A kernel that runs constructors (KASAN's): the sanitizers' are
	# allowed, a C++ global constructor is not.
	"$objcopy" --add-symbol _GLOBAL__sub_I_kcxx_state=.text:0,function,local "$ko" "$tmp/ctor.ko"
	expect 1 "C++ global constructors: _GLOBAL__sub_I_kcxx_state" "$kdir" "$tmp/ctor.ko"
else
	# Global constructors (what .init_array means) in a kernel that never runs them.
	head -c 8 /dev/zero >"$tmp/ctor"
	"$objcopy" --add-section .init_array="$tmp/ctor" "$ko" "$tmp/ctor.ko"
	expect 1 "forbidden sections: .init_array" "$kdir" "$tmp/ctor.ko"
fi

# No .modinfo: no license, no vermagic.
"$objcopy" --rename-section .modinfo=.kcxx_not_modinfo "$ko" "$tmp/noinfo.ko"
expect 1 "modinfo has no license" "$kdir" "$tmp/noinfo.ko"

exit $failed
