/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cpuidcheck: what the plugin's parts share.
 *
 * facts.c   architectural facts the kernel does not encode (data/cpuid-facts)
 * model.c   the unit's CPUID model, learned from the code being compiled
 * report.c  where a finding points and how it is printed
 * check_*.c one check each, listed in checks.c
 */
#ifndef CPUIDCHECK_H
#define CPUIDCHECK_H

#include "gcc-compat.h"

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

struct cpuid_facts {
	unsigned int indexed[64];
	int nr_indexed;
	struct alias_fact alias[64];
	int nr_alias;
	struct cr4_fact cr4[64];
	int nr_cr4;
};

extern struct cpuid_facts facts;

bool facts_load_text(const char *text, const char *origin);
bool facts_load_file(const char *path);
bool facts_load_embedded(void);
bool facts_function_indexed(unsigned int function);
const struct alias_fact *facts_alias_of(const struct cpuid_place *alias);
bool place_equal(const struct cpuid_place *a, const struct cpuid_place *b);

/* ---- model.c ---- */

#define MAX_WORDS 128

struct cpuid_word {
	const char *name;		/* enumerator, e.g. "CPUID_7_0_EBX" */
	bool has_place;			/* reverse_cpuid[] has an entry */
	struct cpuid_place place;	/* bit < 0 */
};

struct feature_name {
	const char *name;		/* full macro name */
	long number;			/* its value */
};

struct cpuid_model {
	struct cpuid_word word[MAX_WORDS];
	int nr_words;			/* highest word seen + 1 */
	bool have_leafs;		/* enum cpuid_leafs seen */
	bool have_regs;			/* enum cpuid_regs_idx seen */
	int reg_of_kernel_reg[8];	/* kernel CPUID_EAX.. -> arch_reg */
	bool have_reverse_cpuid;
	/* __feature_translate(): kernel number -> KVM number */
	long translate_from[64], translate_to[64];
	int nr_translate;
	bool have_translate;
	/* X86_FEATURE_* and KVM_X86_FEATURE_* macros, evaluated lazily */
	struct feature_name *features;
	int nr_features;
	bool features_loaded;
};

extern struct cpuid_model model;

void model_finish_type(tree type);
void model_dump(void);
void model_finish_decl(tree decl);
void model_pre_genericize(tree fndecl);
bool model_active(void);
long model_translate(long number);
bool model_place_of(long number, struct cpuid_place *place);
const char *model_word_name(int word);
int model_word_of_place(const struct cpuid_place *place);
const char *model_feature_name(long number);
const char *model_feature_at(int word, int bit);
bool model_eval_macro(const char *name, long *value);
bool model_macro_defined(const char *name);
void format_place(char *buf, size_t len, const struct cpuid_place *place);

/* ---- report.c ---- */

struct user_loc {
	location_t loc;		/* a real (non-macro) location */
	const char *wrapper;	/* macro the person wrote, or NULL */
};

extern bool findings_are_errors;

struct user_loc user_location(location_t loc);
location_t expansion_point(location_t loc);
void report(const char *check, location_t loc, const char *fmt, ...)
	ATTRIBUTE_PRINTF_3;
int report_count(void);

/* ---- checks ---- */

struct cpuidcheck_check {
	const char *name;			/* e.g. "cpuid-leaf" */
	bool enabled;
	void (*on_function)(tree fndecl);	/* a parsed function body */
	void (*on_finish_unit)(void);		/* optional */
};

extern struct cpuidcheck_check *checks[];
struct cpuidcheck_check *check_by_name(const char *name, size_t len);

extern struct cpuidcheck_check check_leaf;

/* tree helpers shared by the checks (model.c) */
const char *callee_name(tree call);
bool constant_value(tree t, long *value);
const char *decl_name(tree decl);

#endif /* CPUIDCHECK_H */
