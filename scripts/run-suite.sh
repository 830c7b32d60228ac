#!/bin/sh
# The one runner: boot kernels in profiles with test lists, keep every
# console log in a fresh run folder, show each boot's KTAP, then judge
# every log (report.sh: tests, and the console of every boot, always).
# make check, make demo and make bench all run through it.
# Usage: run-suite.sh NAME < PLAN
# One boot per line of the plan:
#   COLUMN KERNEL PROFILE LISTS SCALE JUDGE
#   COLUMN   the log's name (COLUMN.log) and the report's column
#   KERNEL   the Image in $BUILD/out-KERNEL (series, series-debug, upto-5..)
#   PROFILE  a line of ./profiles (its tags select the tests)
#   LISTS    the tests/*.list to run, e.g. stock,series,vmm
#   SCALE    multiplies every timeout (3 for the debug kernel)
#   JUDGE    "tests": every test result and the console count; "console":
#            the console only (a kernel whose tests show the base's
#            behaviour and are not meant to pass: make demo)
# Env: RUN (the run folder; default $BUILD/runs/<date>-NAME), APPEND_EXTRA
# (kernel arguments for every boot, e.g. harness.only=...), JOBS (boots at
# a time; default the number of cores).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/lib.sh"

# One boot (run by xargs below, JOBS at a time): boot, then show its KTAP.
if [ "${1:-}" = --boot ]; then
	column=$2 profile=$3 image=$4 rd=$5 lists=$6 scale=$7 run=$8
	log "booting profile $profile ($image, lists $lists), log: $run/$column.log"
	APPEND_EXTRA="${APPEND_EXTRA:-} harness.lists=$lists" TIMEOUT_SCALE=$scale \
		"$top/scripts/boot.sh" "$profile" "$image" "$rd" "$run/$column.log" </dev/null
	grep -E '^(KTAP|1\.\.|ok |not ok |harness: (BOOT|RUN|QEMU|.* took))' "$run/$column.log" |
		sed "s/^/  [$column] /" >&2 || true
	exit 0
fi

name=$1
initrd=$BUILD/initramfs.cpio.gz

# The judge first: a report.sh that misreads logs makes every run worthless.
"$top/scripts/test-report.sh"
run=${RUN:-$BUILD/runs/$(date +%Y%m%d-%H%M%S)-$name}
mkdir -p "$run" "$BUILD/runs"
ln -sfn "$run" "$BUILD/runs/latest"
plan=$run/plan.txt
grep -v '^[[:space:]]*\(#\|$\)' > "$plan" || true
[ -s "$plan" ] || die "run-suite.sh: empty plan"

# Check the plan and make every initramfs before the first boot; the
# boots then run JOBS at a time (default: one per core; a boot keeps
# about 1.2 cores busy, so two on 2 cores take about 60% of the time one
# after the other does). make bench sets JOBS=1: it measures time.
columns=
while read -r column kernel profile lists scale judge; do
	image=$BUILD/out-$kernel/arch/arm64/boot/Image
	[ -f "$image" ] || die "no kernel $image: build it first"
	# The VMM test runs the same kernel as its nested guest.
	case ",$lists," in
	*,vmm,*) rd=$(initrd_with_guest "$image" "$initrd") ;;
	*) rd=$initrd ;;
	esac
	case $judge in
	tests) columns="$columns $column" ;;
	console) columns="$columns $column/console" ;;
	*) die "plan: JUDGE must be tests or console, not '$judge'" ;;
	esac
	echo "$column $profile $image $rd $lists $scale $run"
done < "$plan" > "$run/boots.txt"
xargs -P "${JOBS:-$(nproc)}" -L 1 "$0" --boot < "$run/boots.txt"
echo "== results: $name, run $run"
# shellcheck disable=SC2086
"$top/scripts/report.sh" "$run" $columns
