#!/bin/sh
# Install what the harness needs on a Debian 12 machine, idempotently:
# the cross toolchain, QEMU, kernel build tools, the pinned base source
# package, and the arm64 .debs the initramfs is made of (downloaded into
# build/debs, never installed on the host).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/base.conf"
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

# The base: exactly the pinned version, or the newest 6.1 with a warning.
have=$(dpkg-query -W -f '${Version}' "$BASE_PKG" 2>/dev/null || true)
if [ "$have" != "$BASE_VERSION" ]; then
	apt_update
	if apt-cache madison "$BASE_PKG" | awk '{print $3}' | grep -qx "$BASE_VERSION"; then
		log "installing $BASE_PKG=$BASE_VERSION"
		$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			--allow-downgrades "$BASE_PKG=$BASE_VERSION" >/dev/null
	else
		warn "$BASE_PKG $BASE_VERSION (pinned in base.conf) is gone from the archive;"
		warn "falling back to the newest $BASE_PKG. Update base.conf once it is tested."
		$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$BASE_PKG" >/dev/null
	fi
fi

mkdir -p "$BUILD/debs"
for p in $ARM64_DEBS; do
	if ! ls "$BUILD/debs/${p}_"*_arm64.deb >/dev/null 2>&1; then
		apt-cache show "$p:arm64" >/dev/null 2>&1 || apt_update
		log "downloading $p:arm64"
		(cd "$BUILD/debs" && apt-get download -q "$p:arm64" >/dev/null 2>&1) ||
			die "apt-get download $p:arm64 failed"
	fi
done
