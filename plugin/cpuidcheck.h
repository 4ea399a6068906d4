/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cpuidcheck: what the plugin's parts share.
 *
 * facts.c   data/cpuid-facts, built in or from a file (judge/facts.c parses)
 * model.c   the unit's CPUID model, learned from the code being compiled
 *           into the judge's plain struct cpuid_model (judge/judge.h)
 * report.c  where a finding points and how it is printed
 * check_*.c one check each, listed in check_list.h
 */
#ifndef CPUIDCHECK_H
#define CPUIDCHECK_H

#include "gcc-compat.h"
#include "judge.h"

bool facts_load_text(const char *text, const char *origin);
bool facts_load_file(const char *path);
bool facts_load_embedded(void);

/* ---- model.c ---- */

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
const char *model_feature_name(long number);
bool model_eval_macro(const char *name, long *value);
bool model_macro_defined(const char *name);
const struct cpuid_model *model_for_judge(void);

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
const struct judge_lists *cap_lists_for_judge(struct cap_lists *scan);
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
void report_judged(const struct judge_finding *f, location_t loc);
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

/* tree helpers shared by the checks (model.c) */
bool name_in(const char *name, const char *const *list, size_t n);
const char *callee_name(tree call);
tree strip_conversions(tree t);
bool constant_value(tree t, long *value);
const char *decl_name(tree decl);

#endif /* CPUIDCHECK_H */
