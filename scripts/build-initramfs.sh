#!/bin/sh
# Make the test initramfs: busybox from Debian's arm64 busybox-static, our
# init, the test lists and the selftest binaries.
# Usage: build-initramfs.sh SELFTESTS_DIR OUTPUT.cpio.gz
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/lib.sh"
kst=$(realpath -m "$1") out=$(realpath -m "$2")

deb=$(ls "$BUILD"/debs/busybox-static_*_arm64.deb 2>/dev/null | tail -n 1)
[ -n "$deb" ] || die "no busybox-static arm64 .deb in $BUILD/debs: run scripts/deps.sh"

root=$(mktemp -d "$BUILD/initramfs.XXXXXX")
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root/deb"
mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev" "$root/tmp" \
	"$root/etc/harness" "$root/kselftest"
mv "$root/deb/bin/busybox" "$root/bin/busybox"
rm -rf "$root/deb"
cp "$top/rootfs/init" "$root/init"
cp "$top/rootfs/devices.sh" "$top"/tests/*.list "$root/etc/harness/"
(cd "$kst" && find . -type f -perm -u+x ! -name '*.o' ! -name '*.sh' |
	cpio -pdm --quiet "$root/kselftest")
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0 | gzip -1) > "$out.tmp"
mv "$out.tmp" "$out"
log "initramfs: $out ($(du -h "$out" | cut -f1))"
