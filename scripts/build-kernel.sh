#!/bin/sh
# Build an arm64 kernel Image from a source tree into an output folder:
# allnoconfig + config/host.config + the base's own fragments
# (BASE_CONFIG in bases/$BASE.conf) + the FRAGMENTs given (each layered on
# the ones before, e.g. config/debug.config for the debug kernel), every
# fragment option checked, then Image.
# Usage: build-kernel.sh SRC OUT [FRAGMENT...]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/lib.sh"
src=$(realpath -m "$1") out=$(realpath -m "$2")
shift 2
frags="$top/config/host.config"
for f in $BASE_CONFIG; do
	frags="$frags $top/$f"
done
for f in "$@"; do
	[ -f "$f" ] || die "no config fragment $f"
	frags="$frags $(realpath "$f")"
done

export ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-
cc=${CROSS_COMPILE}gcc
if command -v ccache >/dev/null 2>&1; then
	cc="ccache $cc"
	export CCACHE_DIR=${CCACHE_DIR:-$CACHE/ccache}
fi
jobs=$(nproc)
kmake() { make -s -C "$src" O="$out" CC="$cc" -j"$jobs" "$@"; }

mkdir -p "$out"
kmake allnoconfig >/dev/null
# merge_config.sh leaves its temporary files in the current directory.
(cd "$out" && "$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" $frags >/dev/null)
kmake olddefconfig >/dev/null
# An option whose symbol this tree does not define (the series' test
# fixture on the base) is not an error; any other one that did not land is.
# A symbol set in several fragments is checked with its last value.
# shellcheck disable=SC2086
bad=$(cat $frags | awk -F= '/^CONFIG_/ { v[$1] = $0 } END { for (s in v) print v[s] }' |
	sort | while read -r line; do
	grep -qx "$line" "$out/.config" && continue
	sym=${line%%=*}
	grep -rqxE --include='Kconfig*' "(menu)?config ${sym#CONFIG_}" "$src" || continue
	echo "  $line"
done)
[ -z "$bad" ] || die "config options that did not survive olddefconfig (missing dependencies?):
$bad"

log "building $src -> $out"
kmake Image
