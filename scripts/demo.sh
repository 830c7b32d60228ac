#!/bin/sh
# The main job: how a vfio-pci BAR assigned to a KVM guest is mapped at
# stage 2, before and after the series, on the "max" profile (VHE, FWB).
# "Before" is the base plus the first three patches only (the inert
# VM_ALLOW_ANY_UNCACHED flag, the stage2_mappings debugfs file and the
# test fixture): the base's behaviour, made visible.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/lib.sh"
profile=${PROFILE:-max}
test=aarch64/vfio_bar_memtype

for k in upto-3 series; do
	"$top/scripts/build-kernel.sh" "$("$top/scripts/variant-tree.sh" "$k")" \
		"$BUILD/out-$k"
done
run=$BUILD/runs/$(date +%Y%m%d-%H%M%S)-demo
for k in upto-3 series; do
	log "booting $k on profile $profile"
	APPEND_EXTRA="harness.only=$test" "$top/scripts/boot.sh" "$profile" \
		"$BUILD/out-$k/arch/arm64/boot/Image" "$BUILD/initramfs.cpio.gz" \
		"$run/$k.log"
done

line() {
	sed -n "s/^# # $2 at stage 2 ([^)]*): //p" "$run/$1.log" | head -n 1
}
echo
echo "Stage 2 of device memory assigned to a KVM guest (QEMU profile $profile)"
echo "IPA range / leaf size / level / count / perms / type / raw MemAttr"
for what in "ivshmem BAR2 via VFIO" "ivshmem BAR2 via sysfs resource2" "guest RAM"; do
	echo
	echo "$what:"
	echo "  6.1 base:      $(line upto-3 "$what")"
	echo "  with series:   $(line series "$what")"
done
echo
echo "logs: $run"
grep -q '^ok 1 ' "$run/series.log" || die "$test failed with the series: see $run/series.log"
