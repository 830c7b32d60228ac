#!/bin/sh
# Build the arm64 kernel Image of a variant (see variant-tree.sh) into
# build/out-VARIANT: allnoconfig + the fragments in config/, every
# fragment option checked, then Image.
# Usage: build-kernel.sh VARIANT
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/lib.sh"
src=$("$top/scripts/variant-tree.sh" "$1")
out=$BUILD/out-$1

export ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-
cc=${CROSS_COMPILE}gcc
if command -v ccache >/dev/null 2>&1; then
	cc="ccache $cc"
	export CCACHE_DIR=${CCACHE_DIR:-$BUILD/ccache}
fi
jobs=$(nproc)
kmake() { make -s -C "$src" O="$out" CC="$cc" -j"$jobs" "$@"; }

mkdir -p "$out"
frags="$top/config/host.config"
kmake allnoconfig >/dev/null
"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" $frags >/dev/null
kmake olddefconfig >/dev/null
# An option whose symbol this tree does not define (the series' test
# fixture on the base) is not an error; any other one that did not land is.
bad=$(grep -h '^CONFIG_' $frags | sort -u | while read -r line; do
	grep -qx "$line" "$out/.config" && continue
	sym=${line%%=*}
	grep -rqx --include='Kconfig*' "config ${sym#CONFIG_}" "$src" || continue
	echo "  $line"
done)
[ -z "$bad" ] || die "config options that did not survive olddefconfig (missing dependencies?):
$bad"

log "building the $1 kernel ($src -> $out)"
kmake Image
