# Series, hooks and the per-unit cache (tests/series/): the 12-patch series
# of tests/series/make-series through --patch, review, git send-email's
# hook and b4's runners; the cache's exactness.
.PHONY: check-series check-series-kernel bench-series

# a fake tree with a fake kbuild build (seconds)
check-series: cpuidcheck $(PLUGIN)
	@scripts/deps.sh series
	CC=$(CC) tests/series/run

# sid's 7.2 tree with the user's cache and build (minutes)
check-series-kernel: cpuidcheck $(PLUGIN)
	@scripts/deps.sh series kernel
	CC=$(CC) tests/series/run --kernel

# the issue-10 ratios on 7.2 (private cache; long)
bench-series: cpuidcheck $(PLUGIN)
	@scripts/deps.sh series kernel
	CC=$(CC) bench/series
