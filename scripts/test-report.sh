#!/bin/sh
# Check the judge before any boot: report.sh on synthetic console logs,
# each with the verdict it must give. Both directions: a kernel report
# fails a clean run, a test's own "# WARNING:" text does not.
# Usage: test-report.sh
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/lib.sh"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

ok='[    0.000000] Booting Linux on physical CPU 0x0000000000
harness: init up
KTAP version 1
1..1
# harness: running t1
# WARNING: a test says so: not a kernel report
# BUG: also only text
ok 1 t1'
end='harness: tainted=0
harness: done'
# case_ NAME WANT(0 pass, 1 fail) LOG-TEXT [LOG-TEXT-OF-A-CONSOLE-ONLY-COLUMN]
fails=0 n=0
case_() {
	n=$((n + 1))
	mkdir -p "$dir/$n"
	printf '%s\n' "$3" > "$dir/$n/c.log"
	cols=c
	if [ $# -gt 3 ]; then
		printf '%s\n' "$4" > "$dir/$n/b.log"
		cols="b/console c"
	fi
	rc=0
	# shellcheck disable=SC2086
	"$top/scripts/report.sh" "$dir/$n" $cols > "$dir/$n/out" 2>&1 || rc=$?
	if [ "$rc" = "$2" ]; then
		echo "ok $n report.sh: $1"
	else
		echo "not ok $n report.sh: $1 (exit $rc, want $2)"
		sed 's/^/# /' "$dir/$n/out"
		fails=$((fails + 1))
	fi
}
echo "1..10"
case_ "clean run with a test's '# WARNING:' line passes" 0 "$ok
$end"
case_ "kernel WARNING fails" 1 "$ok
[   12.345678] WARNING: CPU: 1 PID: 112 at arch/arm64/kvm/mmu.c:1521 x
$end"
case_ "KASAN report cut into a test's line fails" 1 "$ok
# foo[   13.000001] BUG: KASAN: use-after-free in y
$end"
case_ "no timestamps at all: any report text fails" 1 "KTAP version 1
1..1
ok 1 t1
WARNING: CPU: 0 PID: 1 at z
$end"
case_ "tainted kernel fails" 1 "$ok
harness: tainted=512
harness: done"
case_ "no end marker fails" 1 "$ok"
case_ "empty run fails" 1 "[    0.000000] Booting
harness: init up
1..0
$end"
case_ "a planned test without a result fails" 1 "[    0.000000] Booting
1..2
ok 1 t1
$end"
case_ "a console-only column: its failed test is shown, not counted" 0 "$ok
$end" "[    0.000000] Booting
harness: init up
1..1
not ok 1 t1
$end"
case_ "a console-only column: a kernel report there fails" 1 "$ok
$end" "[    0.000000] Booting
harness: init up
1..1
not ok 1 t1
[   12.345678] BUG: sleeping function called from invalid context
$end"
[ "$fails" = 0 ] || die "report.sh misjudged $fails of $n synthetic logs"
log "report.sh judged all $n synthetic logs right"
