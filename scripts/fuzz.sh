#!/bin/bash
# scripts/fuzz.sh FUZZER CORPUS SECONDS OUT: run a libFuzzer target for a
# bounded time from the seed corpus (read only) and report.
# Exit 0: no crash; 1: a crash (its input kept in OUT and printed).
set -u
fuzzer=$1 seeds=$2 secs=$3 out=$4
mkdir -p "$out/corpus" "$out/artifacts" || exit 2
rm -f "$out"/artifacts/*
# ASan's leak check runs at each input's end here: a leak is a finding
"$fuzzer" -max_total_time="$secs" -print_final_stats=1 \
	-dict="$(dirname "$seeds")/patch.dict" \
	-artifact_prefix="$out/artifacts/" "$out/corpus" "$seeds" >"$out/log" 2>&1
rc=$?
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/log" | tail -1)
speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$out/log" | tail -1)
cov=$(grep -o 'cov: [0-9]*' "$out/log" | tail -1)
arts=$(ls "$out/artifacts" 2>/dev/null)
if [ $rc = 0 ] && [ -z "$arts" ]; then
	echo "fuzz: ${execs:-?} executions in ${secs}s (${speed:-?}/s), ${cov:-cov: ?}, corpus $(ls "$out/corpus" | wc -l) new inputs, 0 crashes"
	echo "fuzz: 1 passed, 0 failed"
	exit 0
fi
echo "fuzz: exit $rc after ${execs:-?} executions; log: $out/log"
grep -A30 'ERROR\|runtime error' "$out/log" | head -60
for a in $arts; do
	echo "--- $out/artifacts/$a:"
	head -c 2000 "$out/artifacts/$a" | cat -v
	echo
done
echo "fuzz: 0 passed, 1 failed"
exit 1
