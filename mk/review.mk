# cpuidcheck map/review and cpuid-undeclared (tests/review/run)
.PHONY: check-review check-review-kernel
check-review: cpuidcheck $(PLUGIN)
	CC=$(CC) tests/review/run
