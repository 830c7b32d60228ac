#!/bin/sh
# Print the source tree of a kernel variant, checking it out if needed:
#   series   base + every patch in patches/ (build/src itself)
#   base     the unpatched base
#   upto-N   base + the first N patches (upto-5 = base + the two
#            fixes, the inert flag, the stage2_mappings debugfs file and
#            the test fixture: the base's behaviour, made visible)
# Variants other than "series" are git worktrees of build/src.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/lib.sh"
variant=$1

g() { git -C "$SRC" "$@"; }
case $variant in
series) echo "$SRC"; exit 0 ;;
base) rev=$(g rev-parse base) ;;
upto-[0-9]*)
	n=${variant#upto-}
	rev=$(g rev-list --reverse base..series | sed -n "${n}p")
	[ "$n" = 0 ] && rev=$(g rev-parse base)
	[ -n "$rev" ] || die "the series has fewer than $n patches"
	;;
*) die "unknown kernel variant '$variant' (series, base, upto-N)" ;;
esac

wt=$BUILD/src-$variant
if [ ! -d "$wt" ]; then
	g worktree prune
	g worktree add -q --detach "$wt" "$rev" >&2
elif [ "$(git -C "$wt" rev-parse HEAD)" != "$rev" ]; then
	git -C "$wt" checkout -q -f --detach "$rev" >&2
fi
echo "$wt"
