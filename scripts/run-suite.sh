#!/bin/sh
# Boot each profile with a kernel and the test initramfs, keep the logs in
# a fresh run folder, show each profile's KTAP, then the report.
# Usage: run-suite.sh NAME IMAGE INITRAMFS PROFILE...
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/lib.sh"
name=$1 image=$2 initrd=$3
shift 3

run=$BUILD/runs/$(date +%Y%m%d-%H%M%S)-$name
mkdir -p "$run"
initrd=$(initrd_with_guest "$image" "$initrd")
ln -sfn "$run" "$BUILD/runs/latest"
for p in "$@"; do
	log "booting profile $p ($name kernel), log: $run/$p.log"
	"$top/scripts/boot.sh" "$p" "$image" "$initrd" "$run/$p.log"
	grep -E '^(KTAP|1\.\.|ok |not ok |harness: (BOOT|RUN|QEMU|.* took))' "$run/$p.log" |
		sed "s/^/  [$p] /" >&2 || true
done
echo "== results: $name kernel, run $run"
"$top/scripts/report.sh" "$run" "$@"
