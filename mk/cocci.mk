# The Coccinelle engine: semantic-patches/, tests in tests/cocci/.
.PHONY: check-cocci check-cocci-kernel bench-cocci

check-cocci:
	@scripts/deps.sh cocci
	tests/cocci/run cases 6.12

check-cocci-kernel:
	@scripts/deps.sh cocci
	tests/cocci/run 6.1 6.12 7.2

bench-cocci:
	@scripts/deps.sh cocci
	bench/cocci 6.12
