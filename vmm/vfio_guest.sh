#!/bin/sh
# VMM test (issue 6; SPEC R2, R3, R14): Debian's qemu-system-aarch64, run
# with -accel kvm inside the test host, assigns the ivshmem and edu devices
# through vfio-pci to a Linux guest that boots the host's own kernel Image
# (vmm/guest-init). While the guest runs, the host checks:
#   - the guest's writes through resource2_wc and resource2, in its own
#     sysfs view of the same BAR;
#   - stage 2 of the QEMU process's VM (debugfs: the 6.1 series'
#     stage2_mappings, or 6.12's stage2_page_tables with the series' type
#     column): the BAR Normal-NC (with the profile's encoding where the
#     dump shows it), guest RAM Normal.
# KTAP out. Exit 0 all passed, 1 any failed, 4 skipped.
set -u
vmm=/vmm
tmp=/tmp/vmm
mkdir -p "$tmp"
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n $*"; }
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n $*"; }
result() { if [ "$1" = 0 ]; then shift; ok "$@"; else shift; not_ok "$@"; fi; }
skip_all() { echo "1..0 # SKIP $*"; exit 4; }

[ -c /dev/kvm ] || skip_all "no /dev/kvm"
[ -n "${KVM_S2_IVSHMEM_BDF:-}" ] || skip_all "no ivshmem device bound to vfio-pci"
[ -x "$vmm/qemu-system-aarch64" ] || skip_all "no VMM in this initramfs"
[ -f "$vmm/Image" ] || skip_all "no guest kernel in this initramfs"
res=/sys/bus/pci/devices/$KVM_S2_IVSHMEM_BDF/resource2
edu_res=/sys/bus/pci/devices/${KVM_S2_EDU_BDF:-none}/resource0

echo "KTAP version 1"
echo "1..9"
# Whatever earlier tests left in the BAR must not pass for the guest's data.
bar_rw fill "$res" 0 2M 0x77 >/dev/null
bar_rw write32 "$res" 2M 0

devs="-device vfio-pci,host=$KVM_S2_IVSHMEM_BDF"
[ -n "${KVM_S2_EDU_BDF:-}" ] && devs="$devs -device vfio-pci,host=$KVM_S2_EDU_BDF"
start=$(cut -d. -f1 /proc/uptime)
# shellcheck disable=SC2086
"$vmm/qemu-system-aarch64" -accel kvm -M virt,gic-version=host -cpu host \
	-smp 1 -m 192M -nodefaults -display none -no-reboot \
	-serial "file:$tmp/guest.log" -kernel "$vmm/Image" \
	-initrd "$vmm/guest.cpio.gz" -append "console=ttyAMA0 panic=-1" \
	$devs > "$tmp/qemu.log" 2>&1 &
qpid=$!

# wait_for PATTERN SECONDS: until the guest says PATTERN (0) or QEMU is gone
wait_for() {
	t=0
	while ! grep -q "$1" "$tmp/guest.log" 2>/dev/null; do
		kill -0 "$qpid" 2>/dev/null || return 1
		[ "$t" -ge "$2" ] && return 1
		sleep 1
		t=$((t + 1))
	done
}
show_logs() {
	sed 's/^/# qemu: /' "$tmp/qemu.log"
	tr -d '\r' < "$tmp/guest.log" 2>/dev/null | sed 's/^/# /'
}
guest_says() { tr -d '\r' < "$tmp/guest.log" | sed -n "s/^guest: $1//p" | head -n 1; }

if ! wait_for '^guest: ready' 420; then
	show_logs
	not_ok "guest boots with the assigned devices"
	kill "$qpid" 2>/dev/null
	echo "# Bail out! no guest"
	exit 1
fi
ok "guest boots with the assigned devices ($(( $(cut -d. -f1 /proc/uptime) - start ))s)"

# The guest's own checks (R3: the guest chooses WC or Device)
for what in "write-combining (resource2_wc)" "device (resource2)"; do
	line=$(guest_says "[a-z ]*$what: ")
	if grep -q "^guest: ok $what" "$tmp/guest.log"; then
		ok "guest writes and reads ivshmem BAR2 $what: $line"
	else
		not_ok "guest writes and reads ivshmem BAR2 $what: $line"
	fi
done

# The same bytes through the host's own mapping of the BAR
out=$( { bar_rw verify "$res" 0 1M 1 && bar_rw verify "$res" 1M 1M 2; } 2>&1)
result $? "host sees the guest's data in ivshmem BAR2: $(echo $out)"

# Stage 2 of QEMU's VM. Only the VM of this QEMU process has a vCPU by now;
# QEMU's probe VMs are gone.
# The dump: one line per run of leaves, "0x<start>-0x<end> ..."; 6.1's
# stage2_mappings ends a line with "TYPE memattr=0xN pa=...", 6.12's
# stage2_page_tables with the TYPE (its invalid runs have none) and
# tells FWB in stage2_fwb.
vmdir=$(ls -d /sys/kernel/debug/kvm/"$qpid"-* 2>/dev/null | tail -n 1)
s2=
if [ -f "$vmdir/stage2_mappings" ]; then
	s2=$vmdir/stage2_mappings
elif [ -f "$vmdir/stage2_page_tables" ]; then
	s2=$vmdir/stage2_page_tables
fi
# in_range LO HI: the leaf lines of the dump inside [LO, HI]
in_range() {
	grep -E '^0x.* (NORMAL|NORMAL_NC|DEVICE_nGnRE|DEVICE_nGnRnE)( |$)' "$s2" |
		while read -r r rest; do
			a=${r%-*} b=${r#*-}
			[ $((a)) -ge $(($1)) ] && [ $((b - 1)) -le $(($2)) ] && echo "$r $rest"
		done
}
# check_type WHAT LO HI TYPE MEMATTR RULES
check_type() {
	if [ -z "$s2" ]; then
		not_ok "$1 at stage 2 ($6): no stage-2 dump for QEMU's VM"
		return
	fi
	want=" $4 memattr=$5"
	[ "${s2##*/}" = stage2_page_tables ] && want=" $4\$"
	lines=$(in_range "$2" "$3")
	echo "$lines" | sed "s/^/# $1: /"
	if [ -z "$lines" ]; then
		not_ok "$1 at stage 2 ($6): nothing mapped in $2-$3"
	elif echo "$lines" | grep -v "$want" | grep -q .; then
		not_ok "$1 at stage 2 is $4 memattr=$5 ($6)"
	else
		ok "$1 at stage 2 is $4 memattr=$5 ($6)"
	fi
}
fwb=no
[ -n "$s2" ] && grep -q 'FWB: yes' "$s2" && fwb=yes
[ "$(cat "$vmdir/stage2_fwb" 2>/dev/null)" = 1 ] && fwb=yes
[ -n "$s2" ] && echo "# $s2, FWB: $fwb"
[ -n "$s2" ] && head -n 1 "$s2" | sed 's/^/# /'
# Normal-NC is MemAttr 0b0101 with and without FWB.
set -- $(guest_says "ivshmem [^ ]* bar2 ")
check_type "ivshmem BAR2 via VFIO" "${1:-0}" "${2:-0}" NORMAL_NC 0x5 "R2, R3"
if [ -n "${KVM_S2_EDU_BDF:-}" ]; then
	set -- $(guest_says "edu [^ ]* bar0 ")
	check_type "edu BAR0 via VFIO" "${1:-0}" "${2:-0}" NORMAL_NC 0x5 "R2, R3"
else
	ok "edu BAR0 via VFIO at stage 2 # SKIP no edu device"
fi
# guest RAM of QEMU's virt machine: 192 MiB at 1 GiB
ram_attr=0xf
[ "$fwb" = yes ] && ram_attr=0x6
check_type "guest RAM" 0x40000000 0x4bffffff NORMAL "$ram_attr" R14

if [ -n "${KVM_S2_EDU_BDF:-}" ]; then
	v=$(bar_rw read32 "$edu_res" 4)
	line=$(guest_says "[a-z ]*edu liveness register: ")
	if grep -q '^guest: ok edu' "$tmp/guest.log" && [ "$v" = 0xa5a5edcb ]; then
		ok "edu register via VFIO: guest read $line, host reads $v"
	else
		not_ok "edu register via VFIO: guest read $line, host reads $v"
	fi
else
	ok "edu register via VFIO # SKIP no edu device"
fi

# Let the guest go; it shuts down, QEMU exits by itself.
bar_rw write32 "$res" 2M 0x600d600d
t=0
while kill -0 "$qpid" 2>/dev/null && [ "$t" -lt 60 ]; do
	sleep 1
	t=$((t + 1))
done
kill "$qpid" 2>/dev/null && echo "# QEMU did not exit by itself"
wait "$qpid"
rc=$?
show_logs
grep -q '^guest: ok host acknowledged' "$tmp/guest.log" && [ "$rc" = 0 ]
result $? "guest saw the host's write and shut down, QEMU exit $rc"
exit $failed
