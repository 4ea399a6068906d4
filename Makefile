# cpuidcheck: static checks for KVM x86 CPUID handling.
#
#   make                  build the GCC plugin (and the cpuidcheck program)
#   make check            install what the tests need, build, run the tests
#                         (unit cases, semantic patches, linux-source-6.12)
#   make check-sanitize   the program's tests under ASan+UBSan (in check)
#   make fuzz             the patch parser under libFuzzer, FUZZ_SECONDS (60)
#   make check-kernel     the real-tree tests on 5.10, 6.1, 6.12 and sid's 7.x,
#                         and on a clang-built (LLVM=1) 6.12
#   make check-arch-x86   the plugin over all of 7.x's arch/x86/ (robustness)
#   make demo             run the plugin over linux-source-6.12's arch/x86/kvm
#   make bench            plugin overhead on KVM's largest units
#   make check-gcc        the plugin with GCC 11 to 15 (mk/gcc.mk)
#
# CC selects the GCC whose plugin API is used: make CC=gcc-11.

CC		?= gcc
ifeq ($(origin CC),default)
CC		:= gcc
endif
# The plugin must be built by the C++ compiler of the GCC that loads it.
CXX_FOR_PLUGIN	:= $(patsubst %gcc,%g++,$(patsubst gcc-%,g++-%,$(CC)))
PLUGIN_INC	 = $(shell $(CC) -print-file-name=plugin)/include
PYTHON		:= /usr/bin/python3

PLUGIN		:= plugin/cpuidcheck_plugin.so
# judge/: plain C the plugin and the program share (the finding record,
# the decisions); headers.c and abi.c only make up libcpuidjudge.so.
JUDGE_SRCS	:= $(filter-out judge/headers.c judge/abi.c,$(wildcard judge/*.c))
JUDGE_HDRS	:= $(wildcard judge/*.h)
PLUGIN_SRCS	:= $(wildcard plugin/*.c) $(JUDGE_SRCS)
PLUGIN_HDRS	:= $(wildcard plugin/*.h) plugin/facts.inc $(JUDGE_HDRS)
PLUGIN_CXXFLAGS	:= -std=gnu++11 -fPIC -fno-rtti -fno-exceptions -O2 -g \
		   -Wall -Wno-narrowing -Wno-unused-variable -Wno-format-diag

# Deps for the GCC in use: gcc-11's plugin headers come from gcc-11-plugin-dev.
DEPS_SETS	:= build $(if $(findstring 11,$(CC)),gcc11)

.PHONY: FORCE all deps check check-arch-x86 check-cases check-facts-learned check-style check-cocci check-kernel check-kernel-6.12 check-kernel-llvm check-program check-program-kernel \
	demo bench clean

all: $(PLUGIN)

deps:
	@scripts/deps.sh $(DEPS_SETS)

# The facts file is embedded so the plugin needs nothing beside itself.
plugin/facts.inc: data/cpuid-facts
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/.*/"&\\n"/' $< > $@.tmp
	mv $@.tmp $@

# Rebuild when CC changes: the plugin only loads into the GCC it was built for.
# (PLUGIN=DIR/cpuidcheck_plugin.so builds elsewhere, with DIR/.built-with:
# make check-gcc keeps one plugin per GCC in build/gcc-N/.)
%/.built-with: FORCE
	@mkdir -p $(@D)
	@echo "$(CC) $$($(CC) -dumpfullversion 2>/dev/null)" > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

$(PLUGIN): $(PLUGIN_SRCS) $(PLUGIN_HDRS) $(dir $(PLUGIN)).built-with
	@test -d "$(PLUGIN_INC)" || { echo "cpuidcheck: no GCC plugin headers for $(CC); run scripts/deps.sh build (or gcc11), or scripts/gcc-chroot.sh N for GCC 13-15" >&2; exit 2; }
	$(CXX_FOR_PLUGIN) $(PLUGIN_CXXFLAGS) -I$(PLUGIN_INC) -Iplugin -Ijudge \
		-shared -o $@.tmp $(PLUGIN_SRCS)
	mv $@.tmp $@

check: deps
	@scripts/deps.sh $(DEPS_SETS) kernel
	$(MAKE) all
	$(MAKE) check-cases
	$(MAKE) check-program
	$(MAKE) check-sanitize
	$(MAKE) fuzz
	$(MAKE) check-review
	$(MAKE) check-series
	$(MAKE) check-cocci
	$(MAKE) check-agreement
	$(MAKE) check-kernel-6.12
	$(MAKE) check-style

check-cases: $(PLUGIN)
	$(PYTHON) tests/run-cases --cc $(CC) --plugin $(PLUGIN)

# The kernel's own checkpatch.pl (from the cached 6.12 tree) on our C;
# the program's layers (src/cpuidcheck.h): no call up, no cycle.
check-style:
	scripts/checkpatch-all.sh "$$(tests/kernel/tree.sh 6.12)"
	$(PYTHON) scripts/check-layers

check-kernel-6.12: $(PLUGIN)
	tests/kernel/run --cc $(CC) --plugin $(PLUGIN) 6.12

check-kernel: $(PLUGIN)
	@scripts/deps.sh $(DEPS_SETS) kernel cocci
	tests/kernel/run --cc $(CC) --plugin $(PLUGIN) 5.10 6.1 6.12 sid
	$(MAKE) check-cocci-kernel
	$(MAKE) check-agreement-kernel
	$(MAKE) check-program-kernel
	$(MAKE) check-review-map
	$(MAKE) check-review-kernel
	$(MAKE) check-series-kernel
	$(MAKE) check-facts-learned
	$(MAKE) check-kernel-llvm

# data/cpuid-facts holds every rule scripts/learn-facts.sh learns from the
# newest tree (sid's 7.x): a newer tree that adds one fails here.
check-facts-learned:
	@scripts/deps.sh $(DEPS_SETS) kernel
	scripts/learn-facts.sh "$$(tests/kernel/tree.sh sid)" | grep -v '^#' | \
	while read -r line; do \
		grep -qxF "$$line" data/cpuid-facts || \
		{ echo "data/cpuid-facts lacks: $$line"; exit 1; }; \
	done && echo "check-facts-learned: data/cpuid-facts has every learned rule"

# A clang-built 6.12 (make LLVM=1): kbuild's checker hook and tree mode.
check-kernel-llvm: cpuidcheck $(PLUGIN)
	@scripts/deps.sh $(DEPS_SETS) kernel clang
	tests/kernel/llvm

# All of 7.x's arch/x86/ with the plugin (about 10 minutes on 2 CPUs).
check-arch-x86: $(PLUGIN)
	@scripts/deps.sh $(DEPS_SETS) kernel
	tests/kernel/arch-x86 --cc $(CC) --plugin $(PLUGIN) --tree sid

demo: deps
	@scripts/deps.sh $(DEPS_SETS) kernel
	$(MAKE) all
	./cpuidcheck "$$(tests/kernel/tree.sh 6.12)"; test $$? -le 1

bench: $(PLUGIN)
	bench/plugin-overhead --cc $(CC) --plugin $(PLUGIN)

clean:
	rm -f plugin/*.so plugin/*.tmp plugin/facts.inc plugin/.built-with
	rm -rf build
	rm -f cpuidcheck cpuidcheck.tmp cpuidcheck-san fuzz/patch_fuzz

# Each engine beyond the plugin adds its targets in its own file.
-include mk/*.mk
