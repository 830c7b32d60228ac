#!/bin/sh
# Regenerate patches/ from the "series" branch of build/src. patches/ is
# the source of truth; this is the way back after editing commits there.
# Output is stable: zeroed commit ids, fixed base-commit, no git version.
# Usage: export-patches.sh [OUT [BRANCH]]   (default: patches/ series)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/lib.sh"
out=${1:-$PATCHES}
br=${2:-series}

g() { git -C "$SRC" "$@"; }
[ -d "$SRC/.git" ] || die "no $SRC: run 'make tree' first"
n=$(g rev-list --count base..$br)
[ "$n" -gt 0 ] || die "branch $br has no commits on top of base"
[ -n "$(g config --default '' branch.$br.description)" ] ||
	die "branch $br has no description (the cover letter text): git -C $SRC branch --edit-description $br"

# The cover letter is signed and dated like the newest commit of the
# series, so that re-exporting an unchanged branch gives the same bytes.
GIT_COMMITTER_NAME=$(g log -1 --format=%an "$br")
GIT_COMMITTER_EMAIL=$(g log -1 --format=%ae "$br")
GIT_COMMITTER_DATE=$(g log -1 --format=%ad --date=raw "$br")
export GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_COMMITTER_DATE

mkdir -p "$out"
rm -f "$out"/[0-9][0-9][0-9][0-9]-*.patch
g -c core.abbrev=12 format-patch -q --numbered --cover-letter \
	--cover-from-description=subject --zero-commit --base=base \
	--no-signature --no-thread -o "$out" base..$br
if [ "$out" = "$PATCHES" ] && [ "$br" = series ]; then
	g config harness.stamp "$(cat "$out"/[0-9][0-9][0-9][0-9]-*.patch | sha256sum | cut -c1-16)"
	g config harness.head "$(g rev-parse series)"
fi
log "wrote $((n + 1)) files to $out"
