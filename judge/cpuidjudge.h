/* SPDX-License-Identifier: GPL-2.0 */
/*
 * libcpuidjudge.so: the judge of cpuid-leaf, cpuid-alias and cpuid-cr4 for
 * an engine without a compiler (Coccinelle's Python, through ctypes).
 * Strings in, strings out; not thread-safe.  The GCC plugin links the same
 * decisions (judge.h), so both engines word every finding alike.
 *
 * int cpuidjudge_facts(const char *path)
 *	Read data/cpuid-facts from @path.  0 on success; otherwise
 *	cpuidjudge_error() says why.  Needed once, before anything else.
 *
 * const char *cpuidjudge_judge(const char *check, const char *file,
 *				const char *records)
 *	Judge the raw uses @records (below) of checked file @file for
 *	@check (cpuid-leaf, cpuid-alias or cpuid-cr4).  The CPUID model is
 *	learned from @file's tree: $CPUIDCHECK_TREE, else the nearest
 *	directory above @file holding arch/x86/include/asm/cpufeatures.h (its
 *	cpufeatures.h, cpufeature.h, kvm_host.h and kvm/reverse_cpuid.h), or
 *	in a small tree (include/cpufeatures.h beside @file, the unit cases)
 *	the headers @file includes; then @file itself.
 *	Returns the findings, one line each (no line: no finding): the
 *	finding record of judge/finding.h, STATE "reported", FILE, LINE and
 *	COLUMN copied from the record judged, and where a patch can fix it,
 *	an action line right after it:
 *
 *	  action LINE COLUMN move WORD       move it to WORD's list
 *	  action LINE COLUMN remove -        drop it from this list
 *	  action LINE COLUMN rewrite TEXT    write TEXT instead (F(X), ...)
 *
 *	NULL when the judge cannot work (no facts, an unknown check, a
 *	malformed record): cpuidjudge_error() says why.  The string is valid
 *	until the next call.
 *
 * int cpuidjudge_eval(const char *file, const char *expr, long *value)
 *	@expr, a C constant expression, with @file's macros and words
 *	(CPUID functions written as macros, X86_FEATURE_x): 1 and *@value,
 *	or 0 when it has no known value.
 *
 * const char *cpuidjudge_feature(const char *file, const char *name)
 *	What the model knows of feature macro @name (X86_FEATURE_x or
 *	KVM_X86_FEATURE_x): one line "NUMBER KVM-NUMBER WORD BIT PLACE"
 *	(tab-separated; KVM-NUMBER after __feature_translate(), WORD its word
 *	name or "-", PLACE its CPUID place or "-"), or NULL.
 *
 * const char *cpuidjudge_error(void)
 *	Why the last call failed.
 *
 * Records: tab-separated fields, one record a line, in the vocabulary the
 * plugin records (plugin/record.c) with the context a decision needs.
 * FEATURE is the feature as written: X86_FEATURE_x, KVM_X86_FEATURE_x, an
 * expression of them, or #NUMBER.  WRAPPER is the macro written around it
 * (F, SF, X86_64_F, ALIASED_1_EDX_F, feature_bit, ...) or "-" for none
 * (__feature_bit() is a function: "-").  LINE and COLUMN are the engine's
 * and only copied.  LOCAL is "-" unless the feature reached the list
 * through a local variable (6.1-6.13's f_lm = F(LM)).
 *
 *   declare WORD FEATURE WRAPPER API FILE LINE COLUMN LISTLINE LOCAL
 *	a capability-list entry: WORD the list's word (CPUID_7_0_EBX, or an
 *	expression naming it), API its function or macro, LISTLINE the line
 *	of the list.  Give every declare record of @file in one call: each
 *	list is the context of the others ("remove it; the ... list at line
 *	N already has it").  cpuid-leaf and cpuid-alias.
 *   rawmask FEATURE WRAPPER FUNCTION INDEX REG FILE LINE COLUMN
 *	a mask applied to CPUID output: entry->REG & WRAPPER(F) with entry
 *	from CPUID function FUNCTION (an expression; "-" unknown: no
 *	finding), sub-leaf INDEX ("-": not known), REG eax..edx.
 *	cpuid-leaf (the wrong place) and cpuid-alias (an alias read).
 *   rawconst MASK FUNCTION INDEX REG FILE LINE COLUMN
 *	a constant mask applied to CPUID output (entry->edx & BIT(3)): each
 *	bit of MASK (an expression) that reads an alias.  cpuid-alias.
 *   query FEATURE API FUNCTION FILE LINE COLUMN
 *	a query API (guest_cpu_cap_has(), ...) given FEATURE, in FUNCTION
 *	("-" if unknown).  cpuid-alias.
 *   fixed1 CR4BIT FEATURE WRAPPER FUNCTION INDEX REG FILE LINE COLUMN
 *	a nested VMX cr4_fixed1 tuple: CR4BIT (X86_CR4_x) set when
 *	entry->REG & WRAPPER(FEATURE), entry from FUNCTION/INDEX.
 *	cpuid-cr4.
 *   reserved-bits FILE
 *	FILE may define the reserved-bits macro (__cr4_reserved_bits());
 *	the judge reads it and judges its gates.  cpuid-cr4.
 */
#ifndef CPUIDJUDGE_H
#define CPUIDJUDGE_H

#ifdef __cplusplus
extern "C" {
#endif

int cpuidjudge_facts(const char *path);
const char *cpuidjudge_judge(const char *check, const char *file,
			     const char *records);
int cpuidjudge_eval(const char *file, const char *expr, long *value);
const char *cpuidjudge_feature(const char *file, const char *name);
const char *cpuidjudge_error(void);

#ifdef __cplusplus
}
#endif

#endif
