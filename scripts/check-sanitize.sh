#!/bin/bash
# scripts/check-sanitize.sh PROG: the program's fast tests (tests/program/run,
# tests/program/hostile, tests/review/run) with PROG, an ASan+UBSan build.
# A sanitizer report makes PROG exit 99, which no test accepts; ASan's
# reports also go to log files, UBSan's (whose log_path this gcc's runtime
# ignores when ASan is linked in) to stderr, which the tests show.  Any
# report fails the check, whatever the tests said.  Leaks are not checked
# (the program frees at exit, not before).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
prog=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
logs=$(mktemp -d /tmp/cpuidcheck-sanitize.XXXXXX)
trap 'rm -rf "$logs"' EXIT
export CPUIDCHECK_PROG=$prog
export ASAN_OPTIONS=detect_leaks=0:exitcode=99:log_path=$logs/asan
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=99
rc=0
for t in program/run program/hostile review/run; do
	"$top/tests/$t" 2>&1 | tee "$logs/${t//\//-}.out"
	[ "${PIPESTATUS[0]}" = 0 ] || rc=1
done
n=$(ls "$logs" | grep -c '^asan')
u=$(cat "$logs"/*.out | grep -c 'runtime error:\|Sanitizer')
if [ "$n" != 0 ] || [ "$u" != 0 ]; then
	for r in $(ls "$logs" | grep '^asan'); do
		echo "--- ASan report $r:"
		head -40 "$logs/$r"
	done
	[ "$u" = 0 ] || { echo "--- UBSan/ASan lines in the tests' output:"; cat "$logs"/*.out | grep 'runtime error:\|Sanitizer' | head -20; }
	echo "check-sanitize: $n ASan report file(s), $u report line(s) in the tests' output"
	echo "sanitize: 0 passed, 1 failed"
	exit 1
fi
[ $rc = 0 ] && echo "check-sanitize: no sanitizer report; the tests passed" ||
	echo "check-sanitize: no sanitizer report, but a test failed"
echo "sanitize: $((1 - rc)) passed, $rc failed"
exit $rc
