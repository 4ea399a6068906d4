#!/bin/bash
# Learn the 6.14+ rules that cpuidcheck applies to older trees from the code
# of the newest kernel tree, as data/cpuid-facts records (on stdout):
#
#   runtime NAME MIRRORS stale|current advertised|never
#       features kvm_update_cpuid_runtime() changes in the guest's CPUID
#       (kvm_update_feature_runtime(vcpu, best, X86_FEATURE_NAME, ...)),
#       "stale" when guest_cpu_cap_has() rejects them (its BUILD_BUG_ON),
#       "never" when the capability setup declares them RUNTIME_F();
#       MIRRORS is the state the update reads (X86_CR4_*, MISC_ENABLE_*,
#       APICBASE_*) as "CR4.PKE", "MISC_ENABLE.MWAIT", "APICBASE.ENABLE";
#   x86-64-only NAME...
#       features the capability setup declares X86_64_F();
#   scattered NAME PLACE [PLACE]
#       features scattered.c reads from CPUID, and where (FUNCTION.INDEX.REG[BIT]);
#   synthetic NAME...
#       features cpufeatures.h defines in a Linux-defined word (an
#       enum cpuid_leafs member named CPUID_LNX_*) that scattered.c does not
#       read from CPUID and KVM's __feature_translate() does not map: flags
#       the kernel sets itself.
#
# Usage: scripts/learn-facts.sh KSRC    (KSRC: a 6.14+ kernel tree)
# Exit 2 when KSRC lacks one of the files or shapes read here.
set -u
ksrc=${1:?usage: scripts/learn-facts.sh KSRC}
die() { echo "learn-facts.sh: $*" >&2; exit 2; }
kvm=$ksrc/arch/x86/kvm
feat=$ksrc/arch/x86/include/asm/cpufeatures.h
leafs=$ksrc/arch/x86/include/asm/cpufeature.h
scat=$ksrc/arch/x86/kernel/cpu/scattered.c
for f in "$kvm/cpuid.c" "$kvm/cpuid.h" "$kvm/reverse_cpuid.h" "$feat" \
	 "$leafs" "$scat" "$ksrc/Makefile"; do
	[ -f "$f" ] || die "no $f"
done
version=$(awk '/^VERSION =/ { v = $3 } /^PATCHLEVEL =/ { p = $3 }
	       /^SUBLEVEL =/ { s = $3 } END { print v "." p "." s }' "$ksrc/Makefile")

echo "# Learned by scripts/learn-facts.sh from linux-$version:"

# ---- runtime ----
stale=$(sed -n '/bool guest_cpu_cap_has(/,/^}/p' "$kvm/cpuid.h" |
	grep -o 'x86_feature == X86_FEATURE_[A-Z0-9_]*' | sed 's/.*X86_FEATURE_//')
never=$(grep -o 'RUNTIME_F([A-Z0-9_]*)' "$kvm/cpuid.c" | sed 's/RUNTIME_F(\(.*\))/\1/')
[ -n "$stale" ] && [ -n "$never" ] || die "no guest_cpu_cap_has() asserts or RUNTIME_F() in $kvm"
echo "# arch/x86/kvm/cpuid.c kvm_update_cpuid_runtime(), cpuid.h guest_cpu_cap_has()"
echo "# BUILD_BUG_ON, cpuid.c RUNTIME_F()"
sed -n '/^static void kvm_update_cpuid_runtime(/,/^}/p' "$kvm/cpuid.c" |
	tr '\n\t' '  ' | grep -o 'kvm_update_feature_runtime([^;]*;' |
	sed -n 's/.*X86_FEATURE_\([A-Z0-9_]*\), *\([^;]*\);/\1 \2/p' |
while read -r name state; do
	case "$state" in
	*X86_CR4_*) m=CR4.$(echo "$state" | sed 's/.*X86_CR4_\([A-Z0-9_]*\).*/\1/') ;;
	*MISC_ENABLE_*) m=MISC_ENABLE.$(echo "$state" | sed 's/.*MISC_ENABLE_\([A-Z0-9_]*\).*/\1/') ;;
	*APICBASE_*) m=APICBASE.$(echo "$state" | sed 's/.*APICBASE_\([A-Z0-9_]*\).*/\1/') ;;
	*) die "cannot tell what $name mirrors: $state" ;;
	esac
	c=current a=advertised
	echo "$stale" | grep -qx "$name" && c=stale
	echo "$never" | grep -qx "$name" && a=never
	echo "runtime $name $m $c $a"
done

# ---- x86-64-only ----
echo "# arch/x86/kvm/cpuid.c X86_64_F()"
grep -o 'X86_64_F([A-Z0-9_]*)' "$kvm/cpuid.c" | sed 's/X86_64_F(\(.*\))/\1/' |
	tr '\n' ' ' | sed 's/^/x86-64-only /; s/ $/\n/'

# ---- scattered ----
echo "# arch/x86/kernel/cpu/scattered.c cpuid_bits[]"
sed -n 's/^[[:space:]]*{[[:space:]]*X86_FEATURE_\([A-Z0-9_]*\),[[:space:]]*CPUID_\(E[A-D]X\),[[:space:]]*\([0-9]*\),[[:space:]]*0x0*\([0-9a-fA-F]*\),[[:space:]]*\([0-9]*\)[[:space:]]*},.*/\1 0x\4.\5.\2[\3]/p' "$scat" |
	awk '{ if ($1 in o) p[$1] = p[$1] " " $2; else { p[$1] = $2; o[$1] = ++n; k[n] = $1 } }
	     END { for (i = 1; i <= n; i++) print "scattered " k[i] " " p[k[i]] }'

# ---- synthetic ----
lnx=$(sed -n '/^enum cpuid_leafs/,/};/p' "$leafs" | grep -o 'CPUID_[A-Z0-9_]*' |
	awk '$1 != "NR_CPUID_WORDS" { if ($1 ~ /^CPUID_LNX_/) printf "%d ", NR - 1 }')
[ -n "$lnx" ] || die "no CPUID_LNX_* words in $leafs"
echo "# arch/x86/include/asm/cpufeatures.h, words $lnx(CPUID_LNX_*), less"
echo "# arch/x86/kernel/cpu/scattered.c and arch/x86/kvm/reverse_cpuid.h"
{
	grep -o 'X86_FEATURE_[A-Z0-9_]*' "$scat"
	sed -n '/__feature_translate(/,/^}/p' "$kvm/reverse_cpuid.h" |
		grep -o 'X86_FEATURE_[A-Z0-9_]*'
} | sed 's/X86_FEATURE_//' | sort -u >"${TMPDIR:-/tmp}/learn-facts.$$"
awk -v lnx="$lnx" -v skip="${TMPDIR:-/tmp}/learn-facts.$$" '
	BEGIN {
		n = split(lnx, a, " "); for (i = 1; i <= n; i++) L[a[i]] = 1
		while ((getline l < skip) > 0) S[l] = 1
	}
	/^#define X86_FEATURE_[A-Z0-9_]+[ \t]+\( *[0-9]+ *\* *32 *\+ *[0-9]+ *\)/ {
		name = substr($2, 13); s = $0
		sub(/^[^(]*\( */, "", s); split(s, p, "*"); w = p[1] + 0
		if ((w in L) && !(name in S)) names[++k] = name
	}
	END {
		for (i = 1; i <= k; i += 8) {
			line = "synthetic"
			for (j = i; j < i + 8 && j <= k; j++) line = line " " names[j]
			print line
		}
	}' "$feat"
rm -f "${TMPDIR:-/tmp}/learn-facts.$$"
