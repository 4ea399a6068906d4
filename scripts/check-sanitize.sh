#!/bin/bash
# scripts/check-sanitize.sh PROG: the program's fast tests (tests/program/run
# and tests/program/hostile) with PROG, an ASan+UBSan build of cpuidcheck.
# Every sanitizer report goes to a log file; any report fails the check,
# whatever the tests said.  Leaks are not checked (the program frees at
# exit, not before).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
prog=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
logs=$(mktemp -d /tmp/cpuidcheck-sanitize.XXXXXX)
trap 'rm -rf "$logs"' EXIT
export CPUIDCHECK_PROG=$prog
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:exitcode=99:log_path=$logs/asan
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:log_path=$logs/ubsan
rc=0
"$top/tests/program/run" || rc=1
"$top/tests/program/hostile" || rc=1
reports=$(ls "$logs")
if [ -n "$reports" ]; then
	for r in $reports; do
		echo "--- sanitizer report $r:"
		head -40 "$logs/$r"
	done
	echo "check-sanitize: $(echo "$reports" | wc -l) sanitizer report(s)"
	echo "sanitize: 0 passed, 1 failed"
	exit 1
fi
[ $rc = 0 ] && echo "check-sanitize: no sanitizer report; the tests passed" ||
	echo "check-sanitize: no sanitizer report, but a test failed"
echo "sanitize: $((1 - rc)) passed, $rc failed"
exit $rc
