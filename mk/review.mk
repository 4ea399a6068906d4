# cpuidcheck map/review and cpuid-undeclared (tests/review/)
.PHONY: check-review check-review-kernel check-review-map
check-review: cpuidcheck $(PLUGIN)
	CC=$(CC) tests/review/run

# review --mbox / BASE..HEAD / --format=b4 on sid's 7.2 tree, with b4's own
# check runners, review and prep (tests/review/kernel; several minutes)
check-review-kernel: cpuidcheck $(PLUGIN)
	CC=$(CC) tests/review/kernel

# the map of the cached 7.2 tree against its source, and its HTML page in
# headless Chromium (tests/review/map-kernel, html-test; about 2 minutes)
check-review-map: cpuidcheck $(PLUGIN)
	@scripts/deps.sh browser
	CC=$(CC) tests/review/map-kernel
	CC=$(CC) tests/review/html-test
