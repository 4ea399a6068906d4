/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cpuidcheck: what the plugin's parts share.
 *
 * facts.c   architectural facts the kernel does not encode (data/cpuid-facts)
 * model.c   the unit's CPUID model, learned from the code being compiled
 * report.c  where a finding points and how it is printed
 * check_*.c one check each, listed in check_list.h
 */
#ifndef CPUIDCHECK_H
#define CPUIDCHECK_H

#include "gcc-compat.h"
#include "finding.h"

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

extern struct cpuid_facts facts;

bool facts_load_text(const char *text, const char *origin);
bool facts_load_file(const char *path);
bool facts_load_embedded(void);
bool facts_function_indexed(unsigned int function);
const struct alias_fact *facts_alias_of(const struct cpuid_place *alias);
bool place_equal(const struct cpuid_place *a, const struct cpuid_place *b);
const struct runtime_fact *facts_runtime(const char *feature);
bool facts_synthetic(const char *feature);
bool facts_x86_64_only(const char *feature);

/* ---- model.c ---- */

#define MAX_WORDS 128

struct cpuid_word {
	const char *name;		/* enumerator, e.g. "CPUID_7_0_EBX" */
	bool has_place;			/* reverse_cpuid[] has an entry */
	bool kvm_only;			/* from enum kvm_only_cpuid_leafs */
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
void model_note_define(cpp_hashnode *node);
void model_finish_decl(tree decl);
void model_pre_genericize(tree fndecl);
bool model_active(void);
long model_translate(long number);
bool model_place_of(long number, struct cpuid_place *place);
const char *model_word_name(int word);
bool model_word_is_kernel(int word);
int model_word_of_place(const struct cpuid_place *place);
const char *model_feature_name(long number);
const char *feature_short_name(const char *name);
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
void report_record(location_t loc, const struct finding_record *what);
void report(location_t loc, const struct finding_record *what,
	    const char *fmt, ...) ATTRIBUTE_PRINTF_3;
bool load_suppressions(const char *path);
void report_summary(void);
bool loc_in_macro(location_t loc, const char *name);

/* ---- lists.c: KVM's capability setup ---- */

struct feature_use {
	long number;		/* as written, before translation */
	location_t call;	/* the __feature_bit() call */
	tree local;		/* the local it reached the list through */
	struct user_loc at;	/* where a person wrote it (cap_list_uses) */
};

struct feature_list {
	long leaf;
	tree body;
	location_t loc;
	const char *api;
};

#define MAX_LISTS 64
#define MAX_USES 1024

struct cap_lists {
	struct feature_list list[MAX_LISTS];
	int nr_lists;
	struct feature_use local[MAX_USES];	/* features assigned to locals */
	int nr_locals;
	struct feature_use use[MAX_USES];	/* features of one list */
	int nr_uses;
};

bool is_feature_call(tree t, long *number);
bool is_feature_bit_call(tree t, long *number);
struct cap_lists *cap_lists_scan(tree fndecl);
void cap_list_uses(struct cap_lists *scan, const struct feature_list *list);
bool cap_list_declares(struct cap_lists *scan,
		       const struct feature_list *list, long kvm_number);
const struct feature_list *cap_list_for_word(struct cap_lists *scan,
					     long word);
bool is_query_api(const char *name);
bool is_set_api(const char *name);
tree feature_argument(tree call);

/* ---- entries.c: reads of CPUID output registers, and their origin ---- */

struct cpuid_read {
	bool function_known;
	unsigned int function;
	bool index_known;
	unsigned int index;
	int reg;			/* enum arch_reg */
	location_t origin;		/* the lookup that produced the entry */
};

struct cpuid_walk {
	/* @expr is "READ & MASK" (or |, ^); @update: "READ op= MASK" */
	void (*on_mask)(struct cpuid_walk *w, tree expr,
			const struct cpuid_read *read, tree mask, bool update);
	void (*on_call)(struct cpuid_walk *w, tree call);
	void *data;
	tree cond;			/* the COND_EXPR whose test is walked */
	/* private */
	struct entry_origin *origins;
	int nr_origins;
	tree assigned[64];		/* entries assigned so far */
	int nr_assigned;
};

void cpuid_walk_function(struct cpuid_walk *w, tree fndecl);
bool cpuid_read_of(struct cpuid_walk *w, tree t, struct cpuid_read *read);
const char *arch_reg_name(int reg);

/* ---- record.c: per-unit facts for the whole-of-KVM merge ---- */

void record_to(const char *dir);
void record_line(const char *fmt, ...) ATTRIBUTE_PRINTF_1;
void record_call(tree call, tree fndecl);
void record_lists(struct cap_lists *scan);
void record_gate(const char *cr4, const char *feature, const char *kind,
		 location_t loc);
void record_feature(const char *name);
void record_finish_unit(void);

/* ---- checks ---- */

/*
 * A check is a set of hooks, each optional.  For every function body the
 * core scans the capability lists once and walks the code once (entries.c)
 * and calls the hooks of every enabled check in this order.
 */
struct cpuidcheck_check {
	const char *name;			/* e.g. "cpuid-leaf" */
	bool disabled;				/* by disable=NAME */
	void (*begin_function)(tree fndecl);
	void (*on_lists)(struct cap_lists *lists, tree fndecl);
	void (*on_call)(struct cpuid_walk *w, tree call);
	void (*on_mask)(struct cpuid_walk *w, tree expr,
			const struct cpuid_read *read, tree mask, bool update);
	void (*end_function)(tree fndecl);
	void (*on_define)(cpp_hashnode *node, location_t loc);
};

void run_checks(tree fndecl);
void checks_note_define(cpp_hashnode *node, location_t loc);

/* Every check_NAME of check_list.h, and the list of them (checks.c) */
extern struct cpuidcheck_check
#define CK(name)	check_##name,
#include "check_list.h"
#undef CK
	*checks[];

/* check_cr4.c, for cpuid-cr4-owned */
bool cr4_gated_bits(unsigned long *bits, const char **macro);
const char *cr4_gate_feature(int bit);
const struct cr4_fact *fact_of_bit(int bit);

/* tree helpers shared by the checks (model.c) */
bool name_in(const char *name, const char *const *list, size_t n);
const char *callee_name(tree call);
tree strip_conversions(tree t);
bool constant_value(tree t, long *value);
const char *decl_name(tree decl);

#endif /* CPUIDCHECK_H */
