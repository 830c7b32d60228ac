# Shared helpers for the harness scripts (sourced, not run).
log()  { printf '>> %s\n' "$*" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die()  { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# Where things live; every script derives its paths from these.
BUILD=${BUILD:-$top/build}
SRC=$BUILD/src			# git tree: tag "base", branch "series"
