# Shared helpers for the harness scripts (sourced, not run).
log()  { printf '>> %s\n' "$*" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die()  { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# The base the series is built on (make BASE=...): bases/$BASE.conf pins
# its Debian source package and names BEFORE, the kernel that shows the
# base's behaviour (make demo and make bench compare it with "series");
# patches/$BASE/ is the series for it.
BASE=${BASE:-6.1}
[ -f "$top/bases/$BASE.conf" ] ||
	die "no base '$BASE': the bases are $(cd "$top/bases" && ls *.conf | sed 's/\.conf$//' | tr '\n' ' ')"
. "$top/bases/$BASE.conf"

# Where things live; every script derives its paths from these.
CACHE=${CACHE:-$top/build}	# shared by the bases: ccache, arm64 .debs
BUILD=${BUILD:-$CACHE/$BASE}	# per base: trees, kernels, initramfs, runs
SRC=$BUILD/src			# git tree: tag "base", branch "series"
PATCHES=$top/patches/$BASE	# the series for this base

# initrd_with_guest IMAGE INITRAMFS: print the path of INITRAMFS with IMAGE
# added as /vmm/Image (the nested guest's kernel in the VMM test), made
# next to IMAGE. The cpio goes uncompressed after the gzip one, padded to
# the 4 bytes the kernel's unpacker wants between archives.
initrd_with_guest() {
	_out=$(dirname "$1")/initramfs+guest.cpio
	# Made again only when the Image or the initramfs is newer: every boot
	# of a kernel in a run uses the same one.
	if [ "$_out" -nt "$1" ] && [ "$_out" -nt "$2" ]; then
		echo "$_out"
		return
	fi
	_tmp=$(mktemp -d)
	mkdir -p "$_tmp/vmm"
	cp "$1" "$_tmp/vmm/Image"
	{
		cat "$2"
		head -c $(( (4 - $(stat -c %s "$2") % 4) % 4 )) /dev/zero
		(cd "$_tmp" && find vmm/Image | cpio -o -H newc --quiet -R 0:0)
	} > "$_out"
	rm -rf "$_tmp"
	echo "$_out"
}

# build_kernels VARIANT...: build each kernel variant into $BUILD/out-VARIANT.
build_kernels() {
	for _k in "$@"; do
		"$top/scripts/build-kernel.sh" "$("$top/scripts/variant-tree.sh" "$_k")" \
			"$BUILD/out-$_k"
	done
}
