#!/bin/sh
# Run a kernel tree's scripts/checkpatch.pl --no-tree -f on cpuidcheck's C.
# Usage: scripts/checkpatch-all.sh KSRC   (exit 1 if any file is not clean)
set -u
ksrc=${1:?usage: scripts/checkpatch-all.sh KSRC}
cp="$ksrc/scripts/checkpatch.pl"
[ -x "$cp" ] || { echo "checkpatch-all.sh: no $cp" >&2; exit 2; }
cd "$(dirname "$0")/.."
bad=0 n=0
for f in plugin/*.c plugin/*.h judge/*.c judge/*.h src/*.c src/*.h fuzz/*.c; do
	n=$((n + 1))
	out=$("$cp" --no-tree -f -q --terse "$f" 2>&1 |
		grep -v '^total: 0 errors, 0 warnings')
	[ -z "$out" ] || { echo "$out"; bad=$((bad + 1)); }
done
echo "checkpatch: $((n - bad)) passed, $bad failed"
[ $bad = 0 ]
