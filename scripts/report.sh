#!/bin/sh
# Read the console logs of one run (RUNDIR/<profile>.log), print a table
# test x profile, the problems found, and the closing line
# "N passed, N failed, N skipped". Exit 1 on any failure.
#
# Per profile, "console" is a result of its own: it fails on a boot or run
# timeout, a QEMU failure, a missing end marker (crash) or a kernel report
# (BUG:, WARNING:, Oops, KASAN, Call trace, lockdep) anywhere in the log.
# A test listed in the plan that printed no result counts as failed.
# Usage: report.sh RUNDIR PROFILE...
set -eu
dir=$1
shift

for p in "$@"; do
	awk -v p="$p" '
	function res(name, r) { if (!(name in seen)) { seen[name] = 1; order[++n] = name }; out[name] = r }
	{ sub(/\r$/, "") }	# the serial console ends lines with CR LF
	/^1\.\.[0-9]+$/ && !plan { plan = substr($0, 4) + 0 }
	/^# harness: running / { cur = $4; if (!(cur in seen)) res(cur, "missing") }
	/^ok [0-9]+ / { r = ($0 ~ /# SKIP/) ? "skip" : "ok"; name = $3; res(name, r); got++ }
	/^not ok [0-9]+ / { res($4, "FAIL"); got++ }
	/BUG:|WARNING:|Oops|KASAN|Call trace|possible (circular|recursive) locking|Kernel panic/ {
		if (!splat) splat = $0 }
	/^harness: (BOOT TIMEOUT|RUN TIMEOUT|QEMU FAILED)/ { sub(/^harness: /, ""); why = $0 }
	/^harness: done/ { done = 1 }
	END {
		if (!why && splat) why = "kernel report: " splat
		if (!why && !done) why = "no end marker: the guest crashed or hung"
		if (!why && plan && got < plan) why = "only " got " of " plan " results"
		for (i = 1; i <= n; i++) print p "\t" order[i] "\t" out[order[i]]
		print p "\tconsole\t" (why ? "FAIL" : "ok")
		if (why) print p "\t!\t" why
	}' "$dir/$p.log"
done > "$dir/results.tsv"

awk -F'\t' -v profiles="$*" '
	BEGIN { np = split(profiles, P, " ") }
	$2 == "!" { problems = problems "  " $1 ": " $3 "\n"; next }
	{ if (!($2 in seen) && $2 != "console") { seen[$2] = 1; T[++nt] = $2 }; R[$2, $1] = $3
	  if ($3 == "ok") pass++; else if ($3 == "skip") skip++; else fail++ }
	END {
		T[++nt] = "console"
		w = 8; for (i = 1; i <= nt; i++) if (length(T[i]) > w) w = length(T[i])
		printf "%-" w "s", "test"; for (j = 1; j <= np; j++) printf "  %-7s", P[j]; print ""
		for (i = 1; i <= nt; i++) {
			printf "%-" w "s", T[i]
			for (j = 1; j <= np; j++) { c = R[T[i], P[j]]; printf "  %-7s", (c == "" ? "-" : c) }
			print ""
		}
		if (problems != "") printf "\nproblems:\n%s", problems
		printf "\n%d passed, %d failed, %d skipped\n", pass, fail, skip
		exit (fail > 0)
	}' "$dir/results.tsv" > "$dir/summary.txt" && rc=0 || rc=$?
cat "$dir/summary.txt"
exit "$rc"
