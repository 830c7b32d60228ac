#!/bin/sh
# Make the test initramfs: busybox from Debian's arm64 busybox-static, our
# init, the test lists and the selftest binaries; and for the VMM test
# (vmm/): Debian's arm64 qemu-system-aarch64 with the libraries it needs and
# the nested guest's initramfs. The guest's kernel is added per kernel at
# boot time (initrd_with_guest in scripts/lib.sh).
# Usage: build-initramfs.sh SELFTESTS_DIR OUTPUT.cpio.gz
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/lib.sh"
kst=$(realpath -m "$1") out=$(realpath -m "$2")

deb=$(ls "$CACHE"/debs/busybox-static_*_arm64.deb 2>/dev/null | tail -n 1)
[ -n "$deb" ] || die "no busybox-static arm64 .deb in $CACHE/debs: run scripts/deps.sh"

mkdir -p "$(dirname "$out")"
root=$(mktemp -d "$(dirname "$out")/initramfs.XXXXXX")
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root/deb"
mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev" "$root/tmp" \
	"$root/etc/harness" "$root/kselftest"
mv "$root/deb/bin/busybox" "$root/bin/busybox"
rm -rf "$root/deb"
cp "$top/rootfs/init" "$root/init"
cp "$top/rootfs/devices.sh" "$top/rootfs/pci.sh" "$root/etc/harness/"
# The test lists: tests/*.list, each changed by the base's own file of the
# same name (tests/$BASE/*.list) line by line: a line there replaces the
# common line of the same test, or adds one; tags "-" drop the test on
# this base (the rest of such a line says why).
for l in "$top"/tests/*.list; do
	own=$top/tests/$BASE/${l##*/}
	if ! [ -f "$own" ]; then
		cp "$l" "$root/etc/harness/"
		continue
	fi
	awk 'function keep(line,   f) { return split(line, f) > 1 && f[2] != "-" }
		/^[[:space:]]*(#|$)/ { if (FILENAME != ARGV[1]) print; next }
		FILENAME == ARGV[1] { line[$1] = $0; order[++n] = $1; next }
		$1 in line { if (keep(line[$1])) print line[$1]; used[$1] = 1; next }
		{ print }
		END { for (i = 1; i <= n; i++) if (!(order[i] in used) && keep(line[order[i]])) print line[order[i]] }' \
		"$own" "$l" > "$root/etc/harness/${l##*/}"
done
aarch64-linux-gnu-gcc -static -O2 -Wall -Wextra -Werror -o "$root/bin/bar_rw" \
	"$top/vmm/bar_rw.c"

# The nested guest: busybox, bar_rw, its init.
g=$root/guest
mkdir -p "$g/bin" "$g/proc" "$g/sys" "$g/dev" "$root/vmm"
cp "$root/bin/busybox" "$root/bin/bar_rw" "$g/bin/"
cp "$top/vmm/guest-init" "$g/init"
cp "$top/rootfs/pci.sh" "$g/pci.sh"
(cd "$g" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0 | gzip -1) \
	> "$root/vmm/guest.cpio.gz"
rm -rf "$g"

# The VMM: qemu-system-aarch64 and the shared libraries its ELF needs,
# found in the extracted .debs (scripts/deps.sh downloads them).
x=$root/vmmdebs
[ -f "$CACHE/debs/vmm.list" ] || die "no $CACHE/debs/vmm.list: run scripts/deps.sh"
for p in $(cat "$CACHE/debs/vmm.list"); do
	deb=$(ls "$CACHE/debs/${p}_"*_arm64.deb 2>/dev/null | tail -n 1)
	[ -n "$deb" ] || die "no $p arm64 .deb in $CACHE/debs: run scripts/deps.sh"
	dpkg-deb -x "$deb" "$x"
done
mkdir -p "$root/lib/aarch64-linux-gnu"
cp "$x/usr/bin/qemu-system-aarch64" "$root/vmm/"
cp -L "$x/lib/ld-linux-aarch64.so.1" "$root/lib/"
todo=$root/vmm/qemu-system-aarch64
while [ -n "$todo" ]; do
	next=
	for f in $todo; do
		for so in $(readelf -d "$f" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
			[ -e "$root/lib/aarch64-linux-gnu/$so" ] && continue
			src=$(ls "$x/lib/aarch64-linux-gnu/$so" "$x/usr/lib/aarch64-linux-gnu/$so" \
				2>/dev/null | head -n 1)
			[ -n "$src" ] || die "VMM: $so (needed by ${f##*/}) is in no package of vmm.list"
			cp -L "$src" "$root/lib/aarch64-linux-gnu/$so"
			next="$next $root/lib/aarch64-linux-gnu/$so"
		done
	done
	todo=$next
done
rm -rf "$x"
cp "$top/vmm/vfio_guest.sh" "$root/vmm/"
(cd "$kst" && find . -type f -perm -u+x ! -name '*.o' ! -name '*.sh' |
	cpio -pdm --quiet "$root/kselftest")
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0 | gzip -1) > "$out.tmp"
mv "$out.tmp" "$out"
log "initramfs: $out ($(du -h "$out" | cut -f1))"
