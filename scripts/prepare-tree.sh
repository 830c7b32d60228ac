#!/bin/sh
# Make build/src: the pinned Debian source as a git repository with one
# deterministic base commit (tag "base") and the series from patches/
# applied with "git am" on branch "series". Other kernel variants (the
# base, the first N patches) are worktrees of it: scripts/variant-tree.sh.
#
# Re-running is cheap: the tree is re-made only when the base version
# changes and the series re-applied only when patches/ changes. Commits
# made in build/src that were not exported are never thrown away.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/lib.sh"

tarball=/usr/src/$BASE_PKG.tar.xz
[ -f "$tarball" ] || die "$tarball is missing: run scripts/deps.sh"
version=$(dpkg-query -W -f '${Version}' "$BASE_PKG")
[ "$version" = "$BASE_VERSION" ] ||
	warn "base is $BASE_PKG $version, not the pinned $BASE_VERSION"

g() { git -C "$SRC" "$@"; }

# Fixed identity and dates make the base commit id the same on every
# machine, so "base-commit:" in patches/ does not change from run to run.
export GIT_AUTHOR_NAME="Debian kernel team" GIT_AUTHOR_EMAIL="debian-kernel@lists.debian.org"
export GIT_COMMITTER_NAME="$GIT_AUTHOR_NAME" GIT_COMMITTER_EMAIL="$GIT_AUTHOR_EMAIL"

if [ "$(cat "$SRC/.git/base-version" 2>/dev/null)" != "$version" ]; then
	log "unpacking $BASE_PKG $version into $SRC"
	rm -rf "$SRC" "$BUILD"/src-* "$BUILD/unpack"
	mkdir -p "$BUILD/unpack"
	tar -C "$BUILD/unpack" -xf "$tarball"
	mv "$BUILD/unpack/$BASE_PKG" "$SRC"
	rmdir "$BUILD/unpack"
	g init -q -b series
	g config core.autocrlf false
	# -f: Debian appends "/*" to the top-level .gitignore; the base is the
	# whole tarball. (New files in the tree need "git add -f" for the same reason.)
	g add -A -f
	GIT_AUTHOR_DATE="2000-01-01T00:00:00Z" GIT_COMMITTER_DATE="2000-01-01T00:00:00Z" \
		g commit -q -m "Debian $BASE_PKG $version"
	g tag base
	echo "$version" > "$SRC/.git/base-version"
fi

# Apply the series, unless patches/ is what is already applied.
set -- "$PATCHES"/[0-9][0-9][0-9][0-9]-*.patch
[ -e "$1" ] || set --
series=
for p in "$@"; do
	case "$(basename "$p")" in 0000-*) ;; *) series="$series $p" ;; esac
done
stamp=$(cat /dev/null "$@" | sha256sum | cut -c1-16)
head=$(g rev-parse series)
if [ "$(g config --default '' harness.stamp)" = "$stamp" ]; then
	exit 0
fi
applied_head=$(g config --default '' harness.head)
if [ -n "$applied_head" ] && [ "$applied_head" != "$head" ]; then
	die "$SRC has commits that are not in patches/ (series is at $head, last applied $applied_head).
Run 'make export-patches' to keep them, or 'make reset-tree' to drop them."
fi

log "applying $(echo "$series" | wc -w) patches from patches/$BASE/"
g am --abort >/dev/null 2>&1 || true
g checkout -q -f -B series base
g clean -q -fdx
for p in $series; do
	if ! g am -q --keep-cr "$p" >/dev/null 2>&1; then
		g am --abort >/dev/null 2>&1 || true
		# Show which hunk does not apply, and the lines it looked for.
		g apply --check -v "$p" 2>&1 | grep -v '^Checking patch' >&2 || true
		die "git am failed on patches/$BASE/$(basename "$p"): the hunk above does not apply to $SRC"
	fi
done

# The cover letter's text becomes the branch description, so that
# export-patches writes it back unchanged.
cover=$PATCHES/0000-cover-letter.patch
if [ -f "$cover" ]; then
	"$top/scripts/cover-description.sh" "$cover" > "$SRC/.git/series-description"
	g config branch.series.description "$(cat "$SRC/.git/series-description")"
fi
g config harness.stamp "$stamp"
g config harness.head "$(g rev-parse series)"
