// SPDX-License-Identifier: GPL-2.0-only
/// Find CPUID features declared in the wrong KVM capability word.
///
/// Each feature in a kvm_cpu_cap_mask() / kvm_cpu_cap_init_kvm_defined()
/// (6.1 .. 6.13) or kvm_cpu_cap_init() (6.14 onwards) list must belong to
/// the word the list initialises: F(SMEP) in the CPUID_7_ECX list silently
/// sets CPUID_7_ECX bit 7 (SHSTK).  A 0x1.EDX feature may appear in the
/// CPUID_8000_0001_EDX list only if AMD aliases its bit there (and, where
/// the tree has ALIASED_1_EDX_F(), only through that wrapper).  Raw masks
/// such as entry->ecx & feature_bit(X) or cpuid_ecx(7) & F(X) are checked
/// against X's register (and function, where the source shows it).
/// Feature numbers, words, reverse_cpuid[] and __feature_translate() are
/// learned from the checked tree; the alias set comes from data/cpuid-facts.
/// Patch mode moves the feature to its own word's list (if the file has
/// one), rewrites F(x) to ALIASED_1_EDX_F(x), or drops a duplicate.
///
// Confidence: High
// Copyright: (C) 2025 cpuidcheck contributors.
// URL: https://coccinelle.gitlabpages.inria.fr/website
// Options: --no-includes --include-headers --max-width 24 --python /usr/bin/python3

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
// mask needs a wrapper, a register field and an origin (a lookup or a
// function guard); an index guard alone gives no origin.  Each rule
// costs a pass over every function of the file, so the rarer names gate
// the commoner ones.
@lists@
@@
(
kvm_cpu_cap_mask(...)
|
kvm_cpu_cap_init_kvm_defined(...)
|
kvm_cpu_cap_init(...)
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

@regs depends on masks && origin@
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
@script:python depends on org && (lists || masks)@
@@
cf.MODE = "org"

@script:python depends on context && (lists || masks)@
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
cf.emit_items(p[0], "cpuid-leaf")

// Raw masks: entry->REG & W(X) (also &=, |=, ^=, ^), judged against the
// entry's CPUID function when exactly one origin is visible:
//   entry = kvm_find_cpuid_entry[_index](vcpu, fn[, idx]); on some path
//   with no reassignment, or a guard entry->function == fn [&& entry->index
//   == idx] around or beside the mask.  cpuid_REG(fn) & F(X) too.
@rawfn depends on regs exists@
identifier ent;
expression vcpu, fnv, idx, E2;
identifier reg = {eax, ebx, ecx, edx};
identifier w = {F, feature_bit, __feature_bit, SF};
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

@rawuse depends on regs@
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
cf.emit(p[0], cf.judge_raw_use(reg, w, n, p[0], pe[0], ent, "cpuid-leaf"), "cpuid-leaf", cf.MODE)

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
cf.emit(p[0], cf.judge_raw(cf.evaluate(p[0].file, fnv), -1, cr[-3:], w, n, p[0], "cpuid-leaf"), "cpuid-leaf", cf.MODE)

// ---------------------------------------------------------------- patch
@script:python prm depends on patch@
p << item.p;
src; old;
@@
r = cf.patch_remove(p[0])
if r is None:
    cocci.include_match(False)
else:
    coccinelle.src = cocci.make_ident(r[0])
    coccinelle.old = cocci.make_expr(r[1])

@script:python padd depends on patch@
p << item.p;
tl; anc; fx; fxi;
@@
r = cf.patch_add(p[0], True)
if r is None:
    cocci.include_match(False)
else:
    coccinelle.tl = cocci.make_ident(r[0])
    coccinelle.anc = cocci.make_expr(r[1])
    coccinelle.fx = cocci.make_expr(r[2])
    coccinelle.fxi = cocci.make_ident(r[3])

@script:python paddb depends on patch@
p << item.p;
tl; anc; fx; fxi;
@@
r = cf.patch_add(p[0], False)
if r is None:
    cocci.include_match(False)
else:
    coccinelle.tl = cocci.make_ident(r[0])
    coccinelle.anc = cocci.make_expr(r[1])
    coccinelle.fx = cocci.make_expr(r[2])
    coccinelle.fxi = cocci.make_ident(r[3])

@script:python prw depends on patch@
p << item.p;
src; old; newx;
@@
r = cf.patch_rewrite(p[0])
if r is None:
    cocci.include_match(False)
else:
    coccinelle.src = cocci.make_ident(r[0])
    coccinelle.old = cocci.make_expr(r[1])
    coccinelle.newx = cocci.make_expr(r[2])

@rw depends on patch@
identifier prw.src;
expression prw.old, prw.newx;
identifier fn = {kvm_cpu_cap_mask, kvm_cpu_cap_init_kvm_defined,
                 kvm_cpu_cap_init};
@@
fn(src, ..., <+...
- old
+ newx
 ...+>, ...)

// 6.14+: an element followed by another loses its own comma; the last one
// is replaced by the one before it, so the list keeps the trailing comma
// kvm_cpu_cap_init() needs (Coccinelle drops it with a last argument).
// 6.1-6.13: a list of only the element becomes 0.
@rm depends on patch@
identifier prm.src;
expression prm.old;
expression E, E2;
identifier fn = {kvm_cpu_cap_mask, kvm_cpu_cap_init_kvm_defined,
                 kvm_cpu_cap_init};
@@
(
kvm_cpu_cap_init(src, ...,
- old,
 E2, ...)
|
kvm_cpu_cap_init(src, ...,
- E,
- old
+ E
 , ...)
|
kvm_cpu_cap_init(src,
- old,
 ...)
|
fn(src,
- old
+ 0
 )
|
fn(src, <+...
(
 E
- | old
|
- old |
 E
)
 ...+>)
)

// A local built up in steps (f = F(A); f |= F(B);): a feature to remove
// goes with its own step (E@p: spatch 1.1.1 does not parse "v |= w(n);"
// as a statement).
@rml depends on patch && lists@
identifier v;
expression E;
position p : script:python() { cf.local_to_remove(p[0]) };
@@
- v |= E@p;

// 6.14+: after the last element, the anchor is replaced by itself and the
// feature, so the list keeps its trailing comma.
@add depends on patch@
identifier padd.tl, padd.fxi;
expression padd.anc, padd.fx;
expression E2;
identifier fn = {kvm_cpu_cap_mask, kvm_cpu_cap_init_kvm_defined};
@@
(
kvm_cpu_cap_init(tl, ...,
 anc,
+ fxi,
 E2, ...)
|
kvm_cpu_cap_init(tl, ...,
- anc
+ anc, fxi
 , ...)
|
fn(tl, <+...
- anc
+ anc | fx
 ...+>)
)

@addb depends on patch@
identifier paddb.tl, paddb.fxi;
expression paddb.anc, paddb.fx;
identifier fn = {kvm_cpu_cap_mask, kvm_cpu_cap_init_kvm_defined};
@@
(
kvm_cpu_cap_init(tl,
+ fxi,
 anc, ...)
|
fn(tl, <+...
- anc
+ fx | anc
 ...+>)
)

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
