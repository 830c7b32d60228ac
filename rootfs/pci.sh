# Sourced: PCI helpers shared by the test host's and the nested guest's init.

# find_pci_all VENDOR:DEVICE (as in sysfs, 0x1af4:0x1110): print the
# addresses of all matching devices; false if there is none.
find_pci_all() {
	for d in /sys/bus/pci/devices/*; do
		[ "$(cat "$d/vendor"):$(cat "$d/device")" = "$1" ] && basename "$d"
	done | grep .
}

# find_pci VENDOR:DEVICE: print the first matching device's address.
find_pci() {
	find_pci_all "$1" | head -n 1 | grep .
}

# bar_range BDF N: print "START END" of BAR N (hex, END inclusive).
bar_range() {
	sed -n "$(($2 + 1))p" "/sys/bus/pci/devices/$1/resource" | cut -d' ' -f1,2
}
