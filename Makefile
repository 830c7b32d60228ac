# Entry points of the harness. Each step is a script in scripts/ that is
# cheap to re-run; make only puts them in order.
#
#   make demo                main job: the headline, before and after, per base
#   make check               the whole test suite in every profile, and the
#                            series' tests on the debug kernel in max and nvhe,
#                            on each base in turn (what CI runs)
#   make check BASELINE=1    the same suite on the unpatched base kernel
#   make check KERNEL=upto-N the suite on the base + the first N patches
#   make check-series        per-patch checks a maintainer would run
#   make bench               stage-2 faults and first-touch times, base vs series
#   make export-patches      regenerate patches/<BASE>/ from build/<BASE>/src
#
# BASE=6.1 or BASE=6.12: the kernel the series is for, pinned in
# bases/<BASE>.conf, its series in patches/<BASE>/, its build in
# build/<BASE>/. make check and make demo cover every base in bases/ when
# BASE is not given (and then end with one line for all of them); the
# other targets default to 6.1.
# PROFILES=... limits the profiles (see ./profiles), ONLY=a,b the tests.
# make check also boots the debug kernel of the series (config/debug.config:
# KASAN, lockdep, ...) with tests/series.list in DEBUG_PROFILES (max and
# nvhe, if PROFILES has them); DEBUG_PROFILES= leaves it out.

BASES := $(if $(BASE),$(BASE),$(patsubst bases/%.conf,%,$(sort $(wildcard bases/*.conf))))
BASE ?= 6.1
export BASE
PROFILES ?= max nofwb nvhe gicv2
BASELINE ?= 0
KERNEL ?= $(if $(filter 1,$(BASELINE)),base,series)
ONLY ?=
DEBUG_PROFILES ?= $(if $(filter series,$(KERNEL)),$(filter max nvhe,$(PROFILES)))
BENCH_PROFILES ?= max nofwb nvhe

B := build/$(BASE)
INITRD := $(B)/initramfs.cpio.gz

.PHONY: all demo demo-base check check-base check-series bench deps tree kernel debug-kernel selftests \
	initramfs export-patches reset-tree clean

all: check

deps:
	@scripts/deps.sh

tree: deps
	@scripts/prepare-tree.sh

kernel: tree
	@scripts/build-kernel.sh $$(scripts/variant-tree.sh $(KERNEL)) $(B)/out-$(KERNEL)

# The same tree with config/debug.config on top, if make check boots it.
debug-kernel: tree
	$(if $(strip $(DEBUG_PROFILES)),@scripts/build-kernel.sh $$(scripts/variant-tree.sh \
		$(KERNEL)) $(B)/out-$(KERNEL)-debug config/debug.config)

# The selftests always come from the full series, so that a run on the
# base kernel executes the very same tests.
selftests: tree
	@scripts/build-selftests.sh $(B)/src $(B)/kselftest

initramfs: selftests
	@scripts/build-initramfs.sh $(B)/kselftest $(INITRD)

# The plan of scripts/run-suite.sh, one boot a line: column, kernel,
# profile, test lists, timeout scale, judge. The debug kernel runs the
# series' tests only, with every timeout x3.
CHECK_PLAN := $(foreach p,$(PROFILES),$(p) $(KERNEL) $(p) stock,series,vmm 1 tests\n)$(foreach \
	p,$(DEBUG_PROFILES),debug-$(p) $(KERNEL)-debug $(p) series 3 tests\n)

# One base after the other, each its own make (and run folder); then one
# closing line for all (scripts/check-bases.sh).
check:
	@MAKE="$(MAKE)" scripts/check-bases.sh $(BASES)

check-base: kernel debug-kernel initramfs
	@printf '$(CHECK_PLAN)' | APPEND_EXTRA="$(if $(ONLY),harness.only=$(ONLY))" \
		scripts/run-suite.sh $(KERNEL)

demo:
	@set -e; for b in $(BASES); do $(MAKE) --no-print-directory demo-base BASE=$$b; done

demo-base: tree initramfs
	@scripts/demo.sh

# One boot per profile and kernel (base behaviour, series): the benchmark.
bench: tree initramfs
	@scripts/bench.sh $(BENCH_PROFILES)

# Per patch on a clean base: git am, build, checkpatch, W=1 and sparse;
# docs; patches/<BASE>/ regenerates byte for byte.
check-series: tree
	@scripts/check-series.sh

export-patches:
	@scripts/export-patches.sh

# Drop local commits in build/<BASE>/src and re-apply patches/<BASE>/.
reset-tree:
	-git -C $(B)/src config --unset harness.head
	-git -C $(B)/src config --unset harness.stamp
	@scripts/prepare-tree.sh

clean:
	rm -rf $(B)/out-* $(B)/kselftest* $(B)/runs $(INITRD)
