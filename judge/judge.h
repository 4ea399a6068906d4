/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The judge: the decisions and the wording of cpuid-leaf, cpuid-alias and
 * cpuid-cr4, in one implementation every engine calls.
 *
 * facts.c   the facts data/cpuid-facts holds (one parser)
 * place.c   the CPUID place formatter, CPUID.(EAX=7,ECX=0):EBX[5]
 * model.c   the CPUID model as plain data, and the questions it answers
 * eval.c    a C constant-expression evaluator over someone's macros
 * headers.c the model learned from a tree's headers (engines without a
 *           compiler: Coccinelle)
 * leaf.c, alias.c, cr4.c  the decisions
 * abi.c     the strings-in, strings-out C ABI (cpuidjudge.h)
 *
 * An engine learns the model its own way (the GCC plugin from GCC's trees,
 * Coccinelle through headers.c), fills struct cpuid_model, and asks the
 * judge; the judge answers with a finding record (finding.h) or none.
 *
 * Plain C compiled as C (the program, libcpuidjudge.so) and as C++ (the
 * plugin, g++ -std=gnu++11): the common subset, no GCC headers.  This
 * header includes nothing GCC's system.h has not already included, so the
 * plugin can include it after the GCC headers.
 */
#ifndef CPUIDCHECK_JUDGE_H
#define CPUIDCHECK_JUDGE_H

#include <stdbool.h>
#include <stddef.h>

#include "finding.h"

/* the kernel's __printf(), which only the kernel's headers define */
#ifndef __printf
#define judge_format_attribute format
#define __printf(a, b) __attribute__((judge_format_attribute(printf, a, b)))
#endif

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

/* Architectural register numbers, independent of the kernel's encoding. */
enum arch_reg { REG_EAX, REG_EBX, REG_ECX, REG_EDX, NR_ARCH_REGS };

/* A CPUID output register, and optionally one bit of it (bit < 0: none). */
struct cpuid_place {
	unsigned int function;
	unsigned int index;
	int reg;		/* enum arch_reg */
	int bit;
};

/* ---- facts.c ---- */

struct alias_fact {
	struct cpuid_place alias;
	struct cpuid_place original;
	char name[32];
};

#define MAX_CR4_GATES 4
struct cr4_fact {
	int bit;
	char name[16];
	int nr_gates;
	struct {
		char feature[32];	/* kernel name without X86_FEATURE_ */
		struct cpuid_place place;
	} gate[MAX_CR4_GATES];
};

/* a feature KVM updates in the guest's CPUID at run time */
struct runtime_fact {
	char name[32];		/* kernel name without X86_FEATURE_ */
	char mirrors[32];	/* the state it mirrors, e.g. CR4.OSXSAVE */
	bool cache_stale;	/* the vCPU's cached capabilities may lag */
	bool advertised;	/* KVM's own capabilities can have it */
};

#define MAX_NAMED_FACTS 256

/* a feature the kernel scatters: where it really lives (scattered.c) */
struct scattered_fact {
	char name[32];
	struct cpuid_place place[2];
	int nr_places;
};

struct cpuid_facts {
	unsigned int indexed[64];
	int nr_indexed;
	struct alias_fact alias[64];
	int nr_alias;
	struct cr4_fact cr4[64];
	int nr_cr4;
	struct runtime_fact runtime[16];
	int nr_runtime;
	char synthetic[MAX_NAMED_FACTS][32];
	int nr_synthetic;
	char x86_64_only[32][32];
	int nr_x86_64_only;
	struct scattered_fact scattered[96];
	int nr_scattered;
};

/* the facts every question below is answered with */
extern struct cpuid_facts facts;

/* 0, or the number of the first malformed line (facts then incomplete) */
int facts_parse(const char *text);
bool facts_function_indexed(unsigned int function);
const struct alias_fact *facts_alias_of(const struct cpuid_place *alias);
bool place_equal(const struct cpuid_place *a, const struct cpuid_place *b);
const struct runtime_fact *facts_runtime(const char *feature);
bool facts_synthetic(const char *feature);
bool facts_x86_64_only(const char *feature);
const struct cr4_fact *fact_of_bit(int bit);

/* ---- place.c ---- */

#define PLACE_LEN 64

/* CPUID.(EAX=7,ECX=0):EBX[5], CPUID.1:EDX (no bit), CPUID.0x80000001:EDX */
void format_place(char *buf, size_t len, const struct cpuid_place *place);
/* a read of an indexed function whose sub-leaf is not known: CPUID.7:EBX */
void format_place_no_index(char *buf, size_t len,
			   const struct cpuid_place *place);

/* ---- model.c ---- */

#define MAX_WORDS 128

struct cpuid_word {
	const char *name;		/* enumerator, e.g. "CPUID_7_0_EBX" */
	bool has_place;			/* its CPUID register is known */
	bool kvm_only;			/* from enum kvm_only_cpuid_leafs */
	struct cpuid_place place;	/* arch register, bit < 0 */
};

struct feature_name {
	const char *name;		/* full macro name */
	long number;			/* its value */
};

/*
 * What the judge knows of the code being checked.  Strings belong to the
 * engine and live as long as it uses the model.
 */
struct cpuid_model {
	struct cpuid_word word[MAX_WORDS];
	int nr_words;			/* highest word seen + 1 */
	/* __feature_translate(): kernel number -> KVM number */
	long translate_from[64], translate_to[64];
	int nr_translate;
	/* X86_FEATURE_* and KVM_X86_FEATURE_* macros and their values */
	struct feature_name *features;
	int nr_features;
	/* the unit's wrapper for AMD's aliases (ALIASED_1_EDX_F, v2's AF) */
	const char *alias_wrapper;
	/* ~CR4_RESERVED_BITS, the CR4 bits KVM ever allows */
	bool have_cr4_allowed;
	unsigned long cr4_allowed;
};

long cpuid_model_translate(const struct cpuid_model *m, long number);
bool cpuid_model_place_of(const struct cpuid_model *m, long number,
			  struct cpuid_place *place);
const char *cpuid_model_word_name(const struct cpuid_model *m, int word);
int cpuid_model_word_of_place(const struct cpuid_model *m,
			      const struct cpuid_place *place);
const char *cpuid_model_feature_name(const struct cpuid_model *m,
				     long number);
const char *cpuid_model_feature_at(const struct cpuid_model *m, int word,
				   int bit);
const char *cpuid_model_feature(const struct cpuid_model *m, long number,
				struct cpuid_place *place);
bool cpuid_model_feature_number(const struct cpuid_model *m,
				const char *name, long *number);
int cpuid_model_word_by_name(const struct cpuid_model *m, const char *name);
const char *feature_short_name(const char *name);
bool is_alias_wrapper(const char *name);
const char *cpuid_model_alias_wrapper(bool (*defined)(void *ctx,
						      const char *name),
				      void *ctx);

/* "eax", "EBX", "CPUID_ECX": the register, or -1 (place.c) */
int arch_reg_named(const char *name);

/* ---- eval.c ---- */

/*
 * Where the evaluator finds names: @definition gives a macro's definition
 * as GCC's cpp_macro_definition() spells it ("NAME(a, b) body" or "NAME
 * body"), NULL for no macro; @enumerator the value of an enumerator.
 */
struct eval_names {
	const char *(*definition)(void *ctx, const char *name);
	bool (*enumerator)(void *ctx, const char *name, long *value);
	void *ctx;
};

bool eval_expression(const struct eval_names *n, const char *text,
		     long *value);
bool eval_macro(const struct eval_names *n, const char *name, long *value);

/* ---- the decisions ---- */

/* patch mode: what to do, for an engine that rewrites code */
enum judge_action {
	ACTION_NONE,
	ACTION_MOVE,		/* to the list of word action_arg */
	ACTION_REMOVE,		/* from this list */
	ACTION_REWRITE,		/* to action_arg */
};

/*
 * A finding as the judge words it: the record's strings live in the
 * buffers.  FILE, LINE and COLUMN are the engine's: the judge leaves them
 * as they are.
 */
struct judge_finding {
	struct finding_record rec;
	char subject[64], feature[64], place[PLACE_LEN];
	char expected[256], fix[512], message[1536];
	enum judge_action action;
	char action_arg[256];
	int at;			/* which input it concerns, where it says so */
};

/* A capability list of the function being checked. */
struct judge_list {
	int leaf;			/* its word */
	const char *api;		/* kvm_cpu_cap_mask, ... */
	int line;
	long *declares;			/* KVM numbers (translated) */
	int nr_declares;
};

struct judge_lists {
	struct judge_list *list;
	int nr;
};

/* One feature of a list, as a person wrote it. */
struct judge_use {
	long number;			/* before translation */
	const char *wrapper;		/* the macro written, or NULL */
	const char *local;		/* the local it came through, or NULL */
};

/*
 * Word a finding: judge_word() states it (the message's first clauses),
 * judge_fix() adds the fix (its field, and "; FIX" to the message),
 * judge_note() a clause that is no fix ("; NOTE"); judge_expect() says
 * what the code should have said and what a patch would do.
 */
void judge_word(struct judge_finding *out, const char *check,
		const char *subject, const char *feature, const char *place,
		const char *fmt, ...) __printf(6, 7);
void judge_fix(struct judge_finding *out, const char *fmt, ...)
	__printf(2, 3);
void judge_note(struct judge_finding *out, const char *fmt, ...)
	__printf(2, 3);
void judge_expect(struct judge_finding *out, enum judge_action action, const char *arg,
		  const char *fmt, ...) __printf(4, 5);

const struct judge_list *judge_list_for_word(const struct judge_lists *l,
					     int word);
bool judge_list_declares(const struct judge_list *list, long kvm_number);

/* cpuid-leaf: a feature of a capability list */
bool judge_leaf_use(const struct cpuid_model *m, const struct judge_lists *l,
		    const struct judge_list *list, const struct judge_use *use,
		    struct judge_finding *out);

/* A raw read of CPUID output: entry->REG & mask, cpuid_REG(fn) & mask. */
struct judge_read {
	bool function_known;
	unsigned int function;
	bool index_known;
	unsigned int index;
	int reg;			/* enum arch_reg */
};

/* cpuid-leaf: feature @number as written in a mask applied to @read */
bool judge_leaf_mask(const struct cpuid_model *m, const struct judge_read *r,
		     long number, const char *wrapper,
		     struct judge_finding *out);

/* the APIs that query, or change, KVM's or the guest's view of a feature */
bool judge_is_query_api(const char *name);
bool judge_is_set_api(const char *name);

/* cpuid-alias: query API @api given feature @number (as written) */
bool judge_alias_query(const struct cpuid_model *m, const char *api,
		       long number, struct judge_finding *out);
/* cpuid-alias: feature @number in a mask applied to @r */
bool judge_alias_mask(const struct cpuid_model *m, const struct judge_read *r,
		      long number, const char *wrapper,
		      struct judge_finding *out);
/* cpuid-alias: bit @bit of the constant @mask applied to @r */
bool judge_alias_mask_bit(const struct cpuid_model *m,
			  const struct judge_read *r, unsigned long mask,
			  int bit, struct judge_finding *out);
/* cpuid-alias: an alias advertised while its original is not */
bool judge_alias_advertised(const struct cpuid_model *m,
			    const struct judge_lists *lists,
			    const struct judge_list *list,
			    const struct judge_use *use,
			    struct judge_finding *out);

/* The reserved-bits macro, __cr4_reserved_bits(__cpu_has, __c). */
#define MAX_CR4_GATE_FEATURES 4
struct judge_cr4_gate {
	/* X86_FEATURE_* its condition tests, and their values if known */
	const char *feature[MAX_CR4_GATE_FEATURES];
	long number[MAX_CR4_GATE_FEATURES];
	bool known[MAX_CR4_GATE_FEATURES];
	int nr_features;
	unsigned long bits;		/* X86_CR4_* it sets */
};

#define MAX_CR4_MACRO_GATES 48
struct judge_cr4_macro {
	const char *name;
	const char *cpu_has, *caps;	/* its parameters */
	const char *var;		/* the variable it sets, or NULL */
	struct judge_cr4_gate gate[MAX_CR4_MACRO_GATES];
	int nr_gates;
};

/*
 * Up to @max findings into @out, their number returned: @out[i].at is the
 * gate a finding is about, -1 for the macro itself.
 */
int judge_cr4_reserved_bits(const struct cpuid_model *m,
			    const struct judge_cr4_macro *rb,
			    struct judge_finding *out, int max);
/* A cr4_fixed1 tuple: CR4 @bits set when @r & feature @number. */
int judge_cr4_tuple(const struct cpuid_model *m, const struct judge_read *r,
		    unsigned long bits, long number,
		    struct judge_finding *out, int max);
/* Bits the macro gates that function @fn's tuples (@bits_seen) never set */
int judge_cr4_fixed1_missing(const struct judge_cr4_macro *rb,
			     const char *fn, unsigned long bits_seen,
			     struct judge_finding *out, int max);

#endif /* CPUIDCHECK_JUDGE_H */
