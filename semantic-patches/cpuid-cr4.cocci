// SPDX-License-Identifier: GPL-2.0-only
/// Check KVM's CR4 gates against the CPUID features that enumerate each bit.
///
/// nested_vmx_cr_fixed1_bits_update()'s cr4_fixed1_update(X86_CR4_B, reg,
/// feature_bit(F)) tuples must name a feature the CR4 table (data/
/// cpuid-facts) lists for B, tested in F's own register, and B must be a
/// bit CR4_RESERVED_BITS allows.  Every CR4 bit CR4_RESERVED_BITS allows
/// and a CPUID feature enumerates must be reserved by __cr4_reserved_bits()
/// when the CPU lacks that feature.  __cr4_reserved_bits() is a macro body,
/// which Coccinelle does not parse as code: that check reads the macro text
/// (Python) and reports at the #define; no patch is produced for it.  As
/// in the GCC plugin, the macro is judged only where a unit expands it
/// with a guest query, NAME(guest_cpuid_has, ...) or
/// NAME(guest_cpu_cap_has, ...): the file itself, or for a header a .c
/// file under its directory that reaches it through quote includes (text
/// scans, cpuidcheck_facts.cr4_guest_expanded()).
///
// Confidence: Moderate
// Copyright: (C) 2025 cpuidcheck contributors.
// URL: https://coccinelle.gitlabpages.inria.fr/website
// Options: --no-includes --include-headers --python /usr/bin/python3

virtual report
virtual org
virtual patch
virtual context

@initialize:python@
@@
import os, sys

def _cpuidcheck_dir():
    d = os.environ.get("CPUIDCHECK_SEMANTIC_PATCHES")
    if d:
        return d
    try:
        with open("/proc/self/cmdline", "rb") as f:
            args = [a.decode() for a in f.read().split(b"\0")]
        for i, a in enumerate(args):
            if a in ("--sp-file", "--cocci-file") and i + 1 < len(args):
                return os.path.dirname(os.path.abspath(args[i + 1]))
            if a.endswith(".cocci"):
                return os.path.dirname(os.path.abspath(a))
    except OSError:
        pass
    return "semantic-patches"

if _cpuidcheck_dir() not in sys.path:
    sys.path.insert(0, _cpuidcheck_dir())
import cpuidcheck_facts as cf
# The plugin's options, as environment: an unknown check or an unreadable
# file stops spatch here, as it stops the compiler.
cf.options()

// Token rules: spatch's prefilter skips a file without any of these
// names, and every rule below depends on one of them.
@tuples@
@@
cr4_fixed1_update(...)

// A use of CR4_RESERVED_BITS, e.g. in a __cr4_reserved_bits() body
// (Coccinelle parses a statement-expression macro's body).
@reserved@
position p;
@@
CR4_RESERVED_BITS@p

// The mode for cf.emit (a script rule that depends on no matching rule
// would defeat the prefilter).
@script:python depends on org && (tuples || reserved)@
@@
cf.MODE = "org"

// No fixes and no context marks (the main check reads a macro body): in
// patch and context modes the rules still run and print nothing, so
// spatch exits 0 as with a kernel script that has nothing to say.
@script:python depends on (patch || context) && (tuples || reserved)@
@@
cf.MODE = "patch"

@fixed1 depends on tuples@
identifier B =~ "^X86_CR4_";
identifier reg = {eax, ebx, ecx, edx};
identifier w = {F, feature_bit, __feature_bit};
expression n;
position p;
@@
cr4_fixed1_update(B@p, reg, w(n))

@script:python@
B << fixed1.B;
reg << fixed1.reg;
w << fixed1.w;
n << fixed1.n;
p << fixed1.p;
@@
cf.emit(p[0], cf.judge_fixed1(B, reg, w, n, p[0]), "cpuid-cr4", cf.MODE)

// A file that defines __cr4_reserved_bits(): the macro body is read as
// text (Python), the #define found by its shape; judged only if a unit
// expands it with a guest query (found by text, not by a token rule, which
// would let every file calling guest_cpuid_has() through the prefilter).
@script:python@
p << reserved.p;
@@
for pos, verdict in cf.check_cr4_reserved(p[0].file):
    cf.emit(pos, verdict, "cpuid-cr4", cf.MODE)

@finalize:python@
nr_suppressed << merge.cpuidcheck_suppressed;
@@
cf.finish(nr_suppressed)
