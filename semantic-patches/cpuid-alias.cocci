// SPDX-License-Identifier: GPL-2.0-only
/// Find queries of CPUID alias bits, and aliases advertised alone.
///
/// AMD duplicated 18 CPUID.1:EDX bits into CPUID.0x80000001:EDX ("same as
/// CPUID Fn0000_0001_EDX"); Intel does not implement the copies, and 7.x
/// adds a second family (X86_FEATURE_AMX_*_ALIAS in CPUID.0x1E.1:EAX).
/// KVM may advertise an alias but must never query one: the answer is
/// meaningless.  This finds guest_cpuid_has(), guest_cpu_cap_has(),
/// guest_can_use(), kvm_cpu_cap_has/get(), cpuid_entry_has/get(), ... of
/// an alias feature, raw tests of an alias bit (entry =
/// kvm_find_cpuid_entry(vcpu, 0x80000001); entry->edx & feature_bit(PSE)),
/// and aliases in a capability list whose original is not advertised.
/// The alias set comes from data/cpuid-facts; feature numbers from the tree.
/// Patch mode rewrites an alias query to query the original feature.
///
// Confidence: High
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

// Token rules: spatch's prefilter skips a file without the names a
// finding needs, and every rule below depends on one of them (an
// identifier set such as {F, SF} gives the prefilter nothing).  A raw
// test needs a wrapper or BIT(), a register field and an origin (a
// lookup or a function guard); an index guard alone gives no origin.
// Each rule costs a pass over every function of the file, so the rarer
// names gate the commoner ones.
@lists@
@@
(
kvm_cpu_cap_mask(...)
|
kvm_cpu_cap_init_kvm_defined(...)
|
kvm_cpu_cap_init(...)
)

@queries@
@@
(
guest_cpuid_has(...)
|
guest_cpu_cap_has(...)
|
guest_can_use(...)
|
kvm_cpu_cap_has(...)
|
kvm_cpu_cap_get(...)
|
__kvm_cpu_cap_has(...)
|
cpuid_entry_has(...)
|
cpuid_entry_get(...)
|
kvm_governed_feature_check_and_set(...)
)

@origin@
expression E, E2;
@@
(
kvm_find_cpuid_entry(...)
|
kvm_find_cpuid_entry_index(...)
|
E->function == E2
)

@cpuidregs@
@@
(
cpuid_eax(...)
|
cpuid_ebx(...)
|
cpuid_ecx(...)
|
cpuid_edx(...)
)

@masks depends on origin || cpuidregs@
@@
(
F(...)
|
feature_bit(...)
|
__feature_bit(...)
|
SF(...)
)

// entry->edx & BIT(3): a constant mask, judged bit by bit.
@bits depends on origin@
@@
(
BIT(...)
|
BIT_ULL(...)
)

@regs depends on (masks || bits) && origin@
expression E;
@@
(
E->eax
|
E->ebx
|
E->ecx
|
E->edx
)

// The mode for cf.emit (a script rule that depends on no matching rule
// would defeat the prefilter).
@script:python depends on org && (lists || queries || masks || bits)@
@@
cf.MODE = "org"

@script:python depends on context && (lists || queries || masks || bits)@
@@
cf.MODE = "context"

// Era 1 locals: unsigned int f_lm = F(LM); or built up in steps,
// f = F(A); f |= F(B);
@decl depends on lists@
type T;
identifier v;
identifier w = {F, SF, feature_bit, X86_64_F};
expression n;
position p;
@@
T v = w@p(n);

@script:python@
v << decl.v;
w << decl.w;
n << decl.n;
p << decl.p;
@@
cf.declare_local(v, w, n, p[0])

@assign depends on lists@
identifier v;
identifier w = {F, SF, feature_bit, X86_64_F};
expression n;
position p;
@@
(
v = w@p(n)
|
v |= w@p(n)
)

@script:python@
v << assign.v;
w << assign.w;
n << assign.n;
p << assign.p;
@@
cf.declare_local(v, w, n, p[0])

@item depends on lists@
identifier fn = {kvm_cpu_cap_mask, kvm_cpu_cap_init_kvm_defined,
                 kvm_cpu_cap_init};
identifier leaf;
expression e;
position p, pl;
@@
fn@pl(leaf, ..., <+... e@p ...+>, ...)

@script:python@
fn << item.fn;
leaf << item.leaf;
e << item.e;
p << item.p;
pl << item.pl;
@@
cf.collect_item(fn, leaf, e, p[0], pl[0])

@script:python depends on report || org || context@
p << item.p;
@@
cf.emit_items(p[0], "cpuid-alias")

// The query APIs of the judge (judge/alias.c), which decides; the feature
// may be any expression the judge evaluates (X86_FEATURE_TSC + 32).
@query depends on queries@
identifier q = {guest_cpuid_has, guest_cpu_cap_has, guest_can_use,
                kvm_cpu_cap_has, kvm_cpu_cap_get, __kvm_cpu_cap_has,
                cpuid_entry_has, cpuid_entry_get,
                kvm_governed_feature_check_and_set};
expression X;
position p;
@@
q(..., X@p)

@script:python depends on report || org || context@
q << query.q;
X << query.X;
p << query.p;
@@
cf.emit(p[0], cf.judge_query(q, X, p[0]), "cpuid-alias", cf.MODE)

@script:python pq depends on patch@
q << query.q;
X << query.X;
p << query.p;
ox; nx;
@@
v = cf.judge_query(q, X, p[0])
ok = v is not None and v["fix"] is not None and cf.is_identifier(X)
coccinelle.ox = cocci.make_ident(X if ok else cf.NONE)
coccinelle.nx = cocci.make_ident(v["fix"][1] if ok else cf.NONE)

@depends on patch && queries@
identifier pq.ox, pq.nx;
identifier q = {guest_cpuid_has, guest_cpu_cap_has, guest_can_use,
                kvm_cpu_cap_has, kvm_cpu_cap_get, __kvm_cpu_cap_has,
                cpuid_entry_has, cpuid_entry_get,
                kvm_governed_feature_check_and_set};
@@
q(...,
- ox
+ nx
 )

// Raw masks: entry->REG & W(X) (also &=, |=, ^=, ^), judged against the
// entry's CPUID function when exactly one origin is visible:
//   entry = kvm_find_cpuid_entry[_index](vcpu, fn[, idx]); on some path
//   with no reassignment, or a guard entry->function == fn [&& entry->index
//   == idx] around or beside the mask.  cpuid_REG(fn) & F(X) too.
@rawfn depends on regs exists@
identifier ent;
expression vcpu, fnv, idx, E2;
identifier reg = {eax, ebx, ecx, edx};
identifier w = {F, feature_bit, __feature_bit, SF, BIT, BIT_ULL};
expression n;
position p, pe;
type T;
@@
(
ent = kvm_find_cpuid_entry(vcpu, fnv);
|
ent = kvm_find_cpuid_entry(vcpu, fnv, idx);
|
ent = kvm_find_cpuid_entry_index(vcpu, fnv, idx);
|
T ent = kvm_find_cpuid_entry(vcpu, fnv);
|
T ent = kvm_find_cpuid_entry(vcpu, fnv, idx);
|
T ent = kvm_find_cpuid_entry_index(vcpu, fnv, idx);
)
... when != ent = E2
    when any
(
ent@pe->reg & <+... w@p(n) ...+>
|
ent@pe->reg &= <+... w@p(n) ...+>
|
ent@pe->reg |= <+... w@p(n) ...+>
|
ent@pe->reg ^= <+... w@p(n) ...+>
|
ent@pe->reg ^ <+... w@p(n) ...+>
)

@script:python@
fnv << rawfn.fnv;
idx << rawfn.idx = "-";
p << rawfn.pe;
@@
cf.raw_origin(p[0], fnv, idx)

@rawg depends on regs@
identifier ent;
identifier fld =~ "^function$";
expression fnv;
statement S;
position ps;
@@
if (<+... ent->fld == fnv ...+>) S@ps

@script:python@
ent << rawg.ent;
fnv << rawg.fnv;
ps << rawg.ps;
@@
cf.raw_guard_range(ps[0], ent, "fn", fnv)

@rawgi depends on regs@
identifier ent;
identifier fld =~ "^index$";
expression idx;
statement S;
position ps;
@@
if (<+... ent->fld == idx ...+>) S@ps

@script:python@
ent << rawgi.ent;
idx << rawgi.idx;
ps << rawgi.ps;
@@
cf.raw_guard_range(ps[0], ent, "idx", idx)

@rawg2 depends on regs@
identifier ent;
expression G;
expression E;
identifier reg;
position p;
@@
G && <+... ent@p->reg & E ...+>

@script:python@
ent << rawg2.ent;
G << rawg2.G;
p << rawg2.p;
@@
cf.raw_guard(p[0], ent, G)

@rawuse depends on masks && regs@
expression ent;
identifier reg = {eax, ebx, ecx, edx};
identifier w = {F, feature_bit, __feature_bit, SF};
expression n;
position p, pe;
@@
(
ent@pe->reg & <+... w@p(n) ...+>
|
ent@pe->reg &= <+... w@p(n) ...+>
|
ent@pe->reg |= <+... w@p(n) ...+>
|
ent@pe->reg ^= <+... w@p(n) ...+>
|
ent@pe->reg ^ <+... w@p(n) ...+>
)

@script:python depends on report || org || context@
ent << rawuse.ent;
reg << rawuse.reg;
w << rawuse.w;
n << rawuse.n;
p << rawuse.p;
pe << rawuse.pe;
@@
cf.emit(p[0], cf.judge_raw_use(reg, w, n, p[0], pe[0], ent, "cpuid-alias"), "cpuid-alias", cf.MODE)

@rawconst depends on bits && regs@
expression ent, M;
identifier reg = {eax, ebx, ecx, edx};
position p, pe;
@@
ent@pe->reg & M@p

@script:python depends on report || org || context@
ent << rawconst.ent;
reg << rawconst.reg;
M << rawconst.M;
p << rawconst.p;
pe << rawconst.pe;
@@
cf.emit(p[0], cf.judge_raw_const(reg, M, p[0], pe[0], ent), "cpuid-alias", cf.MODE)

@rawcpuid depends on masks && cpuidregs@
identifier cr = {cpuid_eax, cpuid_ebx, cpuid_ecx, cpuid_edx};
identifier w = {F, feature_bit, __feature_bit, SF};
expression fnv, n;
position p;
@@
cr(fnv) & <+... w@p(n) ...+>

@script:python depends on report || org || context@
cr << rawcpuid.cr;
fnv << rawcpuid.fnv;
w << rawcpuid.w;
n << rawcpuid.n;
p << rawcpuid.p;
@@
cf.emit(p[0], cf.judge_raw(cf.evaluate(p[0].file, fnv), -1, cr[-3:], w, n, p[0], "cpuid-alias"), "cpuid-alias", cf.MODE)

// ---------------------------------------------------------------- context
// Mark exactly the findings the rules above recorded (cf.emit keeps their
// positions): a wrapper call F(x) or a query argument / list element.
@ctx depends on context && lists@
position p : script:python() { cf.is_bad(p[0]) };
identifier f;
expression E;
@@
(
* f@p(...)
|
* E@p
)

@ctxq depends on context && queries@
position p : script:python() { cf.is_bad(p[0]) };
identifier f;
expression E;
@@
(
* f@p(...)
|
* E@p
)

@ctxm depends on context && (regs || (masks && cpuidregs))@
position p : script:python() { cf.is_bad(p[0]) };
identifier f;
expression E;
@@
(
* f@p(...)
|
* E@p
)

@finalize:python@
nr_suppressed << merge.cpuidcheck_suppressed;
@@
cf.finish(nr_suppressed)
