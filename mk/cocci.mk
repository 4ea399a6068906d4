# The Coccinelle engine: semantic-patches/, tests in tests/cocci/.
# check-cocci: the unit cases (report mode, and patch mode's fix of every
# wrong-word case, re-checked by the plugin), 6.12's seeds and all scripts
# in all modes under the kernel's plain make coccicheck; check-cocci-kernel
# the same on 5.10, 6.1, 6.12 and 7.x.
.PHONY: check-cocci check-cocci-kernel bench-cocci

check-cocci: $(PLUGIN) build/libcpuidjudge.so cpuidcheck
	@scripts/deps.sh cocci
	CC="$(CC)" tests/cocci/run cases 6.12

check-cocci-kernel: $(PLUGIN) build/libcpuidjudge.so cpuidcheck
	@scripts/deps.sh cocci
	CC="$(CC)" tests/cocci/run 5.10 6.1 6.12 7.2

bench-cocci: $(PLUGIN) build/libcpuidjudge.so cpuidcheck
	@scripts/deps.sh cocci
	bench/cocci 6.12

# Both engines give the same findings (tests/agreement/run), but for the
# differences listed with their reasons in tests/agreement/differences.
.PHONY: check-agreement check-agreement-kernel

check-agreement: $(PLUGIN) build/libcpuidjudge.so
	@scripts/deps.sh cocci
	CC="$(CC)" tests/agreement/run cases

check-agreement-kernel: $(PLUGIN) build/libcpuidjudge.so cpuidcheck
	@scripts/deps.sh cocci
	tests/agreement/run 5.10 6.1 6.12 7.2
