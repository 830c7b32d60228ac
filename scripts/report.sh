#!/bin/sh
# Read the console logs of one run (RUNDIR/<column>.log: a profile, or
# debug-<profile> for the debug kernel), print a table test x column, the
# problems found, and the closing line "N passed, N failed, N skipped".
# Exit 1 on any failure, and on a run in which no test printed a result.
#
# Per column, "console" is a result of its own: it fails on a boot or run
# timeout, a QEMU failure, a missing end marker (crash), a kernel report
# anywhere in the log (BUG: - KASAN, KFENCE, sleeping in atomic context,
# lockdep's full tables -, WARNING: - lockdep, RCU usage -, Oops, kernel
# BUG at, UBSAN:, Call trace, Kernel panic), lockdep switched off
# (debug_locks=0 at the end) or a tainted kernel.
# Kernel reports are told from test output by the kernel's timestamp
# (boot.sh passes printk.time=1): "[   12.345678] WARNING: ..." is the
# kernel's, "# WARNING: ..." a test's. The timestamp may come mid-line,
# where the kernel's output cut into a test's line on the shared console.
# A log without a single timestamp is judged on any match (an old log, or
# a kernel that ignored printk.time).
# A test listed in the plan that printed no result counts as failed.
# A column given as COLUMN/console is judged on its console only: its
# test results are shown in parentheses and counted neither way (the
# base's behaviour in make demo, which its tests are meant to show).
# Usage: report.sh RUNDIR COLUMN[/console]...
set -eu
dir=$1
shift

report='BUG:|WARNING:|Oops|kernel BUG at|KASAN|KFENCE|UBSAN:|Call trace|possible (circular|recursive) locking|inconsistent lock state|suspicious RCU usage|non-static key|too low!|Kernel panic'
for arg in "$@"; do
	p=${arg%/console} mode=tests
	[ "$p" = "$arg" ] || mode=console
	awk -v p="$p" -v mode="$mode" -v report="$report" '
	function res(name, r) {
		if (!(name in seen)) { seen[name] = 1; order[++n] = name }
		out[name] = mode == "console" ? "(" r ")" : r
	}
	{ sub(/\r$/, "") }	# the serial console ends lines with CR LF
	/^1\.\.[0-9]+$/ && !plan { plan = substr($0, 4) + 0 }
	/^# harness: running / { cur = $4; if (!(cur in seen)) res(cur, "missing") }
	/^ok [0-9]+ / { r = ($0 ~ /# SKIP/) ? "skip" : "ok"; name = $3; res(name, r); got++ }
	/^not ok [0-9]+ / { res($4, "FAIL"); got++ }
	/\[ *[0-9]+\.[0-9]+\] / { stamped = 1 }
	$0 ~ ("\\[ *[0-9]+\\.[0-9]+\\] .*(" report ")") && !splat { splat = $0 }
	$0 ~ report && !any { any = $0 }
	/^harness: (BOOT TIMEOUT|RUN TIMEOUT|QEMU FAILED)/ { sub(/^harness: /, ""); why = $0 }
	/^harness: lockdep debug_locks=0/ { lockdep_off = 1 }
	/^harness: tainted=/ && $0 !~ /=0$/ { taint = substr($0, 18) }
	/^harness: done/ { done = 1 }
	END {
		if (!stamped) splat = any
		if (!why && splat) why = "kernel report: " splat
		if (!why && lockdep_off) why = "lockdep switched itself off (debug_locks=0)"
		if (!why && taint != "") why = "kernel tainted: " taint
		if (!why && !done) why = "no end marker: the guest crashed or hung"
		if (!why && plan && got < plan) why = "only " got " of " plan " results"
		for (i = 1; i <= n; i++) print p "\t" order[i] "\t" out[order[i]]
		print p "\tconsole\t" (why ? "FAIL" : "ok")
		if (why) print p "\t!\t" why
	}' "$dir/$p.log"
done > "$dir/results.tsv"

columns=$(for arg in "$@"; do printf '%s ' "${arg%/console}"; done)
awk -F'\t' -v profiles="$columns" '
	BEGIN { np = split(profiles, P, " ") }
	$2 == "!" { problems = problems "  " $1 ": " $3 "\n"; next }
	{ if (!($2 in seen) && $2 != "console") { seen[$2] = 1; T[++nt] = $2 }; R[$2, $1] = $3
	  if ($3 ~ /^\(/) next	# console-only column: shown, not counted
	  if ($2 != "console") tests++
	  if ($3 == "ok") pass++; else if ($3 == "skip") skip++; else fail++ }
	END {
		T[++nt] = "console"
		w = 8; for (i = 1; i <= nt; i++) if (length(T[i]) > w) w = length(T[i])
		cw = 7; for (j = 1; j <= np; j++) if (length(P[j]) > cw) cw = length(P[j])
		printf "%-" w "s", "test"; for (j = 1; j <= np; j++) printf "  %-" cw "s", P[j]; print ""
		for (i = 1; i <= nt; i++) {
			printf "%-" w "s", T[i]
			for (j = 1; j <= np; j++) { c = R[T[i], P[j]]; printf "  %-" cw "s", (c == "" ? "-" : c) }
			print ""
		}
		if (!tests) { problems = problems "  no test printed a result: empty run\n"; fail++ }
		if (problems != "") printf "\nproblems:\n%s", problems
		printf "\n%d passed, %d failed, %d skipped\n", pass, fail, skip
		exit (fail > 0)
	}' "$dir/results.tsv" > "$dir/summary.txt" && rc=0 || rc=$?
cat "$dir/summary.txt"
exit "$rc"
