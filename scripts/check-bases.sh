#!/bin/sh
# make check: the suite of each base in turn (make check-base BASE=...),
# each in a run folder of its own, then one closing line for all of them.
# A base whose build or run stops before its report counts as one failure.
# Usage: check-bases.sh BASE...
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/lib.sh"
[ $# -gt 0 ] || die "check-bases.sh: no base"

stamp=$(date +%Y%m%d-%H%M%S)
lines=
for b in "$@"; do
	run=$CACHE/$b/runs/$stamp-check
	log "base $b: make check-base BASE=$b (run $run)"
	start=$(date +%s)
	rc=0
	RUN=$run ${MAKE:-make} --no-print-directory check-base BASE="$b" || rc=$?
	took=$(( $(date +%s) - start ))
	if [ -f "$run/summary.txt" ]; then
		line=$(tail -n 1 "$run/summary.txt")
	else
		line="0 passed, 1 failed, 0 skipped (no report: the build or the boots stopped, exit $rc)"
	fi
	lines="$lines$b	$line	$((took / 60)) min $((took % 60)) s	$run
"
done

echo
echo "== every base"
printf '%s' "$lines" | awk -F'\t' '
	{ printf "%-6s %-40s %-14s %s\n", $1 ":", $2, $3, $4
	  split($2, f, /[ ,]+/); pass += f[1]; fail += f[3]; skip += f[5] }
	END { printf "%d passed, %d failed, %d skipped\n", pass, fail, skip; exit (fail > 0) }'
