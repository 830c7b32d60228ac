#!/bin/sh
# Install what the harness needs on a Debian 12 machine, idempotently:
# the cross toolchain, QEMU, kernel build tools, the pinned base source
# package, and the arm64 .debs the initramfs is made of (downloaded into
# build/debs, never installed on the host).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/lib.sh"

SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo

HOST_PKGS="make gcc libc6-dev gcc-aarch64-linux-gnu libc6-dev-arm64-cross
	flex bison bc libssl-dev libelf-dev cpio gzip xz-utils git perl
	python3 python3-ply python3-git python3-sphinx python3-sphinx-rtd-theme
	qemu-system-arm ccache sparse"
ARM64_DEBS="busybox-static"

missing=
for p in $HOST_PKGS; do
	dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done

updated=
apt_update() {
	[ -n "$updated" ] && return 0
	log "apt-get update"
	$SUDO apt-get update -q >/dev/null
	updated=1
}

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
	log "enabling the arm64 architecture (multiarch) for the initramfs packages"
	$SUDO dpkg --add-architecture arm64
	apt_update
fi

if [ -n "$missing" ]; then
	apt_update
	log "installing:$missing"
	# shellcheck disable=SC2086
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends $missing >/dev/null
fi

# The base: exactly the pinned version, or the newest of its package with a
# warning.
have=$(dpkg-query -W -f '${Version}' "$BASE_PKG" 2>/dev/null || true)
if [ "$have" != "$BASE_VERSION" ]; then
	apt_update
	if apt-cache madison "$BASE_PKG" | awk '{print $3}' | grep -qx "$BASE_VERSION"; then
		log "installing $BASE_PKG=$BASE_VERSION"
		$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			--allow-downgrades "$BASE_PKG=$BASE_VERSION" >/dev/null
	else
		warn "$BASE_PKG $BASE_VERSION (pinned in bases/$BASE.conf) is gone from the archive;"
		warn "falling back to the newest $BASE_PKG. Update bases/$BASE.conf once it is tested."
		$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$BASE_PKG" >/dev/null
	fi
fi

# The VMM that runs inside the test host (issue 6): Debian's arm64
# qemu-system-aarch64 and the library packages it depends on, walked
# through Depends. Only the libraries its ELF files need end up in the
# initramfs (scripts/build-initramfs.sh picks them).
VMM_PKG=qemu-system-arm
vmm_closure() {
	todo=$VMM_PKG seen=
	while [ -n "$todo" ]; do
		seen="$seen $(echo $todo)"
		# shellcheck disable=SC2046
		todo=$(apt-cache depends --no-recommends --no-suggests --no-conflicts \
			--no-breaks --no-replaces --no-enhances $(printf '%s:arm64 ' $todo) |
			awk '$1 ~ /Depends:$/ { sub(/:arm64$/, "", $2); print $2 }' |
			grep -E '^(lib|zlib)' | sort -u |
			while read -r p; do
				case " $seen " in *" $p "*) ;; *) echo "$p" ;; esac
			done)
	done
	echo $seen
}

mkdir -p "$CACHE/debs"
if ! [ -f "$CACHE/debs/vmm.list" ]; then
	apt-cache show "$VMM_PKG:arm64" >/dev/null 2>&1 || apt_update
	vmm_closure > "$CACHE/debs/vmm.list.tmp"
	mv "$CACHE/debs/vmm.list.tmp" "$CACHE/debs/vmm.list"
fi
ARM64_DEBS="$ARM64_DEBS $(cat "$CACHE/debs/vmm.list")"
want=
for p in $ARM64_DEBS; do
	ls "$CACHE/debs/${p}_"*_arm64.deb >/dev/null 2>&1 || want="$want $p:arm64"
done
if [ -n "$want" ]; then
	apt-cache show busybox-static:arm64 >/dev/null 2>&1 || apt_update
	log "downloading arm64 packages:$want"
	# shellcheck disable=SC2086
	(cd "$CACHE/debs" && apt-get download -q $want >/dev/null) ||
		die "apt-get download failed for:$want"
fi
