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

# A __param section with holes (what GCC's 32-byte alignment of a 40-byte
# object on x86_64 made of kcxx's records before they said their alignment):
# a size that is no multiple of the record, or an alignment beyond it.
bad_params() { # bad_params SIZE ALIGN: a copy of the module with such a __param
	head -c "$1" /dev/zero >"$tmp/params"
	"$objcopy" --remove-section __param --add-section __kcxx_holes="$tmp/params" "$ko" "$tmp/p1.ko"
	"$objcopy" --set-section-alignment __kcxx_holes="$2" "$tmp/p1.ko" "$tmp/p2.ko"
	"$objcopy" --rename-section __kcxx_holes=__param "$tmp/p2.ko" "$tmp/params-$1-$2.ko"
}
bad_params 104 8
expect 1 "__param is not an array of struct kernel_param: 104 bytes, aligned to 8" "$kdir" "$tmp/params-104-8.ko"
bad_params 80 32
expect 1 "__param is not an array of struct kernel_param: 80 bytes, aligned to 32" "$kdir" "$tmp/params-80-32.ko"

# Two allocated sections of one name (what a C++ COMDAT group left in a
# relocatable link before kcxx.mk resolved the groups).
dup=$(readelf -SW "$ko" | sed 's/^ *\[ *[0-9]*\] *//' |
	awk '$7 ~ /A/ && $1 ~ /^__/ { print $1; exit } $7 ~ /A/ && $1 == ".rodata" { r = $1 } END { if (r) print r }' | head -n 1)
head -c 8 /dev/zero >"$tmp/dup"
"$objcopy" --add-section __kcxx_dup="$tmp/dup" --set-section-flags __kcxx_dup=alloc,data "$ko" "$tmp/d1.ko"
"$objcopy" --rename-section __kcxx_dup="$dup" "$tmp/d1.ko" "$tmp/dup.ko"
expect 1 "sections named twice: $dup" "$kdir" "$tmp/dup.ko"

# No .modinfo: no license, no vermagic.
"$objcopy" --rename-section .modinfo=.kcxx_not_modinfo "$ko" "$tmp/noinfo.ko"
expect 1 "modinfo has no license" "$kdir" "$tmp/noinfo.ko"

exit $failed
