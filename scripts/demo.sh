#!/bin/sh
# The main job: how a PCI BAR that Debian's QEMU assigns through vfio-pci to
# a Linux guest is mapped at stage 2, before and after the series, on the
# "max" profile (VHE, FWB), plus the sysfs and RAM references from the
# kselftest, and the stage-2 faults a guest takes to touch a 1 GiB BAR.
# "Before" is $BEFORE (scripts/lib.sh): the base's behaviour, made visible.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/lib.sh"
profile=${PROFILE:-max}
tests=vmm/vfio_guest,aarch64/vfio_bar_memtype,aarch64/special_pfn_blocks

build_kernels "$BEFORE" series
# Through the one runner, which judges every console: the base's tests
# are not meant to pass (they show its behaviour), the series' must.
run=$BUILD/runs/$(date +%Y%m%d-%H%M%S)-demo
printf '%s\n' "$BEFORE $BEFORE $profile series,vmm 1 console" \
	"series series $profile series,vmm 1 tests" |
	RUN=$run APPEND_EXTRA="harness.only=$tests" "$top/scripts/run-suite.sh" demo ||
	die "the demo's boots failed (a kernel report, a crash, or a test of the series): see $run"

# line KERNEL TEST PREFIX: the first stage2_mappings line that TEST printed
# after "# PREFIX: " (vmm/vfio_guest) or "# PREFIX at stage 2 (...): "
line() {
	tr -d '\r' < "$run/$1.log" |
		sed -n "\|^# harness: running $2 |,\|^# harness: $2 exit|p" |
		sed -n -e "s/^# # $3: //p" -e "s/^# # $3 at stage 2 ([^)]*): //p" |
		head -n 1 | sed 's/ \(pa=\|(FWB\).*//'
}
show() {
	echo "$1:"
	printf '  %-13s %s\n' "$BASE base:" "$(line "$BEFORE" "$2" "$3")" \
		"with series:" "$(line series "$2" "$3")"
}
echo
echo "Stage 2 of device memory assigned to a KVM guest (QEMU profile $profile)"
echo "$DUMP_COLUMNS"
echo
echo "== Debian's qemu-system-aarch64 -accel kvm inside the host, a Linux guest,"
echo "   ivshmem and edu assigned with -device vfio-pci:"
show "ivshmem BAR2 (guest maps it WC and Device)" vmm/vfio_guest "ivshmem BAR2 via VFIO"
show "edu BAR0" vmm/vfio_guest "edu BAR0 via VFIO"
show "guest RAM" vmm/vfio_guest "guest RAM"
echo "  guest's data checks with the series:"
tr -d '\r' < "$run/series.log" | sed -n 's/^# # guest: \(.*ok [wd].*\)/    \1/p'
echo
echo "== kselftest aarch64/vfio_bar_memtype (own mini-VMM):"
show "the same BAR via sysfs resource2 (no VM_ALLOW_ANY_UNCACHED, stays Device)" \
	aarch64/vfio_bar_memtype "ivshmem BAR2 via sysfs resource2"
echo
echo "== kselftest aarch64/special_pfn_blocks: the guest writes every 4K page of"
echo "   a 1 GiB vfio-pci BAR mapped at 1 GiB-aligned HVA and IPA; each leaf = 1 fault:"
show "1 GiB BAR" aarch64/special_pfn_blocks "1 GiB BAR via VFIO, 1 GiB-aligned"
echo
echo "logs: $run (judged above: every console clean, every test of the series passed)"
