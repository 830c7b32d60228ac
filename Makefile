# Entry points of the harness. Each step is a script in scripts/ that is
# cheap to re-run; make just puts them in order.
#
#   make demo            main job: patched host under QEMU, headline result
#   make check           the whole test suite in every profile
#   make check BASELINE=1   the same suite on the unpatched base kernel
#   make export-patches  regenerate patches/ from build/src (branch series)
#
# PROFILES=...  limits the profiles (see ./profiles), ONLY=a,b the tests.

PROFILES ?= max nofwb nvhe gicv2
BASELINE ?= 0
ONLY ?=

B := build
ifeq ($(BASELINE),1)
KNAME := base
KSRC := $(B)/base-src
else
KNAME := patched
KSRC := $(B)/src
endif
KOUT := $(B)/out-$(KNAME)
IMAGE := $(KOUT)/arch/arm64/boot/Image
INITRD := $(B)/initramfs.cpio.gz

.PHONY: all demo check deps tree kernel selftests initramfs export-patches \
	reset-tree clean

all: check

deps:
	scripts/deps.sh

tree: deps
	scripts/prepare-tree.sh

kernel: tree
	scripts/build-kernel.sh $(KSRC) $(KOUT)

# Selftests always come from the patched tree, so that the baseline run
# executes the very same tests against the base kernel.
selftests: tree
	scripts/build-selftests.sh $(B)/src $(B)/kselftest

initramfs: selftests
	scripts/build-initramfs.sh $(B)/kselftest $(INITRD)

check: kernel initramfs
	APPEND_EXTRA="$(if $(ONLY),harness.only=$(ONLY))" \
		scripts/run-suite.sh $(KNAME) $(IMAGE) $(INITRD) $(PROFILES)

export-patches:
	scripts/export-patches.sh

# Drop local commits in build/src and re-apply patches/.
reset-tree:
	-git -C $(B)/src config --unset harness.head
	-git -C $(B)/src config --unset harness.stamp
	scripts/prepare-tree.sh

clean:
	rm -rf $(B)/out-* $(B)/kselftest $(B)/runs $(INITRD)
