#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# dkms-room.sh RELEASE... - run in a new Debian 12 root (tools/kcxx-clean-room
# --copy-in DIR, DIR holding this script and kcxx-dkms_*.deb): install the
# headers of each kernel RELEASE from Debian's mirror, then kcxx-dkms, as a
# user would; DKMS must build and install kcxx for every RELEASE, modinfo
# must find each driver there, and removing the package must take them away.
set -eu
in=/src/in
modules="kcxx-gpio-leds kcxx-mmio-leds kcxx-vserial kcxx-dma-memcpy kcxx-gpio-button"
apt() { DEBIAN_FRONTEND=noninteractive apt-get -y -qq -o Dpkg::Use-Pty=0 "$@"; }
fail() { echo "FAIL $*"; exit 1; }

apt update
headers=""
for release in "$@"; do headers="$headers linux-headers-$release"; done
echo "== installing dkms and the headers of $*"
# shellcheck disable=SC2086
apt install --no-install-recommends dkms $headers >/dev/null
echo "== installing $(basename $in/kcxx-dkms_*.deb)"
if ! apt install --no-install-recommends "$(ls $in/kcxx-dkms_*.deb)"; then
	cat /var/lib/dkms/kcxx/*/*/*/log/make.log 2>/dev/null | tail -n 40
	fail "installing kcxx-dkms"
fi
dkms status
for release in "$@"; do
	dkms status -k "$release" kcxx | grep -q ': installed' || fail "dkms status: kcxx is not installed for $release"
	for m in $modules; do
		file=$(modinfo -k "$release" -F filename "$m") || fail "modinfo -k $release $m"
		case $file in
		/lib/modules/"$release"/updates/*) echo "ok   $release $m: $file" ;;
		*) fail "$m for $release is $file, not DKMS's" ;;
		esac
		modinfo -k "$release" -F alias "$m" | grep -q '^of:N\*T\*Ckcxx,' || fail "$m has no of: alias"
		modinfo -k "$release" -F vermagic "$m" | grep -q "^$release " || fail "$m was not built for $release"
	done
done

echo "== removing kcxx-dkms"
apt remove --purge kcxx-dkms >/dev/null
[ -z "$(dkms status kcxx)" ] || fail "dkms still lists kcxx: $(dkms status kcxx)"
for release in "$@"; do
	for m in $modules; do
		! modinfo -k "$release" "$m" >/dev/null 2>&1 || fail "$m for $release is still there after removal"
	done
	[ -z "$(find "/lib/modules/$release" -name 'kcxx*.ko*')" ] || fail "kcxx modules left in /lib/modules/$release"
	echo "ok   $release: no kcxx module left"
done
echo "dkms-room: ok"
