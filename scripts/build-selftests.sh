#!/bin/sh
# Build the KVM selftests (stock and ours) as static arm64 binaries.
# Usage: build-selftests.sh SRC OUT
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/lib.sh"
src=$(realpath -m "$1") out=$(realpath -m "$2")
hdrs=$out-headers

cc=aarch64-linux-gnu-gcc
command -v ccache >/dev/null 2>&1 && cc="ccache $cc" &&
	export CCACHE_DIR=${CCACHE_DIR:-$CACHE/ccache}
mkdir -p "$out"
log "building KVM selftests into $out"
# UAPI headers of the same tree (needs no kernel config).
make -s -C "$src" O="$hdrs" ARCH=arm64 headers_install >/dev/null
# Quirks of a base's stock tests, fixed from outside the tree; which ones
# a base needs is SELFTEST_QUIRKS in bases/$BASE.conf:
# - bitfield: aarch64/vgic_init.c includes <linux/bitfield.h>, which 6.1's
#   tools/include lacks: give it the kernel's own copy;
# - assert-eq: Debian's 6.1 dirty_log_test.c uses TEST_ASSERT_EQ, which
#   6.1's test_util.h lacks (see tests/compat/).
extra=
for q in ${SELFTEST_QUIRKS:-}; do
	case $q in
	bitfield)
		mkdir -p "$out-include/linux"
		cp "$src/include/linux/bitfield.h" "$out-include/linux/"
		extra="$extra -I$out-include" ;;
	assert-eq) extra="$extra -include $top/tests/compat/selftests-compat.h" ;;
	*) die "unknown selftest quirk '$q' in bases/$BASE.conf" ;;
	esac
done
make -s -C "$src/tools/testing/selftests/kvm" -j"$(nproc)" \
	ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- CC="$cc" \
	OUTPUT="$out" KHDR_INCLUDES="-isystem $hdrs/usr/include" \
	EXTRA_CFLAGS="$extra" LDFLAGS="-static"
