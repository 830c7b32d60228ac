#!/bin/sh
# Boot each profile with a kernel and the test initramfs, keep the logs in
# a fresh run folder, show each profile's KTAP, then the report.
# With DEBUG_IMAGE and DEBUG_PROFILES set, also boot that kernel (the debug
# kernel, config/debug.config) in those profiles, with tests/series.list
# only and every timeout x$debug_scale; its logs are debug-<profile>.log,
# judged in the same report.
# Usage: run-suite.sh NAME IMAGE INITRAMFS PROFILE...
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/lib.sh"
name=$1 image=$2 initrd=$3
shift 3
debug_lists=series
debug_scale=3

# The judge first: a report.sh that misreads logs makes every run worthless.
"$top/scripts/test-report.sh"
run=$BUILD/runs/$(date +%Y%m%d-%H%M%S)-$name
mkdir -p "$run"
ln -sfn "$run" "$BUILD/runs/latest"
# boot COLUMN PROFILE KERNEL IMAGE INITRAMFS: one boot, logged in $run/COLUMN.log
boot() {
	log "booting profile $2 ($3 kernel), log: $run/$1.log"
	"$top/scripts/boot.sh" "$2" "$4" "$5" "$run/$1.log"
	grep -E '^(KTAP|1\.\.|ok |not ok |harness: (BOOT|RUN|QEMU|.* took))' "$run/$1.log" |
		sed "s/^/  [$1] /" >&2 || true
}
guest=$(initrd_with_guest "$image" "$initrd")
for p in "$@"; do
	boot "$p" "$p" "$name" "$image" "$guest"
done
columns=$*
# The debug kernel needs the nested guest's kernel only for tests/vmm.list.
case ",$debug_lists," in
*,vmm,*) [ -z "${DEBUG_PROFILES:-}" ] || initrd=$(initrd_with_guest "$DEBUG_IMAGE" "$initrd") ;;
esac
for p in ${DEBUG_PROFILES:-}; do
	APPEND_EXTRA="${APPEND_EXTRA:-} harness.lists=$debug_lists" TIMEOUT_SCALE=$debug_scale \
		boot "debug-$p" "$p" "$name-debug" "$DEBUG_IMAGE" "$initrd"
	columns="$columns debug-$p"
done
echo "== results: $name kernel${DEBUG_PROFILES:+ and its debug kernel}, run $run"
# shellcheck disable=SC2086
"$top/scripts/report.sh" "$run" $columns
