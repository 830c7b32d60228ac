# Sourced by init: find the PCI test devices QEMU provides, bind them to
# vfio-pci and tell the tests where they are through the environment:
#   KVM_S2_IVSHMEM_BDF=<bdf>     ivshmem-plain, 1af4:1110 (BAR2: RAM-backed)
#   KVM_S2_IVSHMEM_1G_BDF=<bdf>  the ivshmem-plain whose BAR2 is 1 GiB
#   KVM_S2_EDU_BDF=<bdf>         edu, 1234:11e8 (BAR0: registers)
. /etc/harness/pci.sh

bind_vfio() {
	d=/sys/bus/pci/devices/$1
	echo vfio-pci > "$d/driver_override"
	[ -e "$d/driver" ] && echo "$1" > "$d/driver/unbind"
	echo "$1" > /sys/bus/pci/drivers_probe
	[ "$(basename "$(readlink "$d/driver")")" = vfio-pci ] ||
		echo "harness: could not bind $1 to vfio-pci"
}

for bdf in $(find_pci_all 0x1af4:0x1110); do
	set -- $(bar_range "$bdf" 2)
	if [ $(($2 - $1 + 1)) = $((1 << 30)) ]; then
		KVM_S2_IVSHMEM_1G_BDF=$bdf
	else
		KVM_S2_IVSHMEM_BDF=$bdf
	fi
	bind_vfio "$bdf"
done
KVM_S2_EDU_BDF=$(find_pci 0x1234:0x11e8) && bind_vfio "$KVM_S2_EDU_BDF"
export KVM_S2_IVSHMEM_BDF KVM_S2_IVSHMEM_1G_BDF KVM_S2_EDU_BDF
echo "harness: ivshmem=${KVM_S2_IVSHMEM_BDF:-none}" \
	"ivshmem-1G=${KVM_S2_IVSHMEM_1G_BDF:-none} edu=${KVM_S2_EDU_BDF:-none}"
