#!/bin/sh
# Boot one profile under QEMU and keep its console log. The one place that
# knows QEMU's command line; the profiles themselves are the table in
# ./profiles.
# Usage: boot.sh PROFILE IMAGE INITRAMFS LOG
# Env: BOOT_TIMEOUT (s until init runs), RUN_TIMEOUT (s for the whole boot),
#      TIMEOUT_SCALE (multiplies both defaults and, in the guest, every
#      test's timeout: harness.timeout_scale; for the slower debug kernel),
#      QEMU_EXTRA (more QEMU arguments), APPEND_EXTRA (more kernel arguments)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/lib.sh"
profile=$1 image=$2 initrd=$3 log=$4
scale=${TIMEOUT_SCALE:-1}
boot_timeout=${BOOT_TIMEOUT:-$((120 * scale))}
run_timeout=${RUN_TIMEOUT:-$((1800 * scale))}

line=$(awk -v p="$profile" '!/^#/ && $1 == p' "$top/profiles")
[ -n "$line" ] || die "no profile '$profile' in ./profiles"
set -- $line
cpu=$2 machine=$3 tags=$4

# Common to every profile: the PCI devices the tests use (ivshmem with a
# RAM-backed 64 MiB BAR2, edu, and an ivshmem with a 1 GiB BAR2, naturally
# aligned, for stage-2 blocks: only what a test touches is allocated), no
# NIC, no reboot on panic.
# shellcheck disable=SC2086
qemu_cmd="qemu-system-aarch64 -M virt,virtualization=on,iommu=smmuv3,$machine
	-cpu $cpu -smp 2 -m 2G -nographic -no-reboot -nic none
	-object memory-backend-ram,id=ivmem,size=64M
	-device ivshmem-plain,memdev=ivmem -device edu
	-object memory-backend-ram,id=ivmem1g,size=1G
	-device ivshmem-plain,memdev=ivmem1g
	-kernel $image -initrd $initrd ${QEMU_EXTRA:-}"
# mem= keeps the top 512 MiB of RAM out of the linear map: the test
# fixture (test_kvm_pfnmap) hands 64 MiB of it out as PFNMAP memory, and
# 16 MiB more with struct pages (ZONE_DEVICE), whose references it counts.
# printk.time=1: report.sh tells kernel lines from test output by the stamp.
append="console=ttyAMA0 printk.time=1 panic=-1 mem=1536M test_kvm_pfnmap.base=0xa0000000
	test_kvm_pfnmap.size=0x4000000 test_kvm_pfnmap.pages_base=0xa4000000
	test_kvm_pfnmap.pages_size=0x1000000 harness.profile=$profile harness.tags=$tags
	harness.timeout_scale=$scale ${APPEND_EXTRA:-}"
append=$(echo $append)

mkdir -p "$(dirname "$log")"
echo "# harness: $qemu_cmd -append '$append'" | tr -s '\t\n' '  ' > "$log"
echo >> "$log"
# shellcheck disable=SC2086
$qemu_cmd -append "$append" </dev/null >>"$log" 2>&1 &
pid=$!

t=0 why=
while kill -0 "$pid" 2>/dev/null; do
	if [ "$t" -ge "$boot_timeout" ] && ! grep -q '^harness: init up' "$log"; then
		why="BOOT TIMEOUT: init did not start within ${boot_timeout}s"
	elif [ "$t" -ge "$run_timeout" ]; then
		why="RUN TIMEOUT: tests did not finish within ${run_timeout}s"
	fi
	if [ -n "$why" ]; then
		kill "$pid" 2>/dev/null || true
		break
	fi
	sleep 1
	t=$((t + 1))
done
rc=0
wait "$pid" || rc=$?
if [ -n "$why" ]; then
	echo "harness: $why" >> "$log"
elif [ "$rc" != 0 ]; then
	echo "harness: QEMU FAILED with exit code $rc" >> "$log"
fi
echo "harness: $profile took ${t}s" >> "$log"
