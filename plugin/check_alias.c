// SPDX-License-Identifier: GPL-2.0
/*
 * cpuid-alias: KVM may advertise an aliased CPUID bit but must never query
 * one.  AMD duplicated 18 CPUID.0x1.EDX features into 0x8000_0001.EDX
 * (Intel CPUs don't have them, KVM honours only the originals), and 7.x
 * declares X86_FEATURE_AMX_*_ALIAS for CPUID.0x1E.1.EAX; the alias sets are
 * in data/cpuid-facts.  Findings:
 *   - a query API given a feature whose place is an alias;
 *   - a raw read of an alias: "entry->edx & feature_bit(PSE)" on an entry
 *     of 0x8000_0001, or a constant mask with an alias bit;
 *   - an alias advertised in the capability setup while its original is
 *     not advertised in its own word's list (a bogus CPUID model).
 */
#include "cpuidcheck.h"

#define CHECK "cpuid-alias"

/* ---- queries through the APIs ---- */

static void on_call(struct cpuid_walk *w, tree call)
{
	const char *api = callee_name(call);
	struct judge_finding found;
	long number;

	if (is_query_api(api) &&
	    constant_value(feature_argument(call), &number) &&
	    judge_alias_query(model_for_judge(), api, number, &found))
		report_judged(&found,
			      user_location(EXPR_LOCATION(call)).loc);
}

/* ---- raw reads ---- */

static void judge_read_of(const struct cpuid_read *r, struct judge_read *jr)
{
	jr->function_known = r->function_known;
	jr->function = r->function;
	jr->index_known = r->index_known;
	jr->index = r->index;
	jr->reg = r->reg;
}

static tree raw_features(tree *tp, int *walk_subtrees, void *data)
{
	const struct judge_read *read = (const struct judge_read *)data;
	struct judge_finding found;
	struct user_loc at;
	long number;

	if (!is_feature_bit_call(*tp, &number))
		return NULL_TREE;
	*walk_subtrees = 0;
	at = user_location(EXPR_LOCATION(*tp));
	if (judge_alias_mask(model_for_judge(), read, number, at.wrapper,
			     &found))
		report_judged(&found, at.loc);
	return NULL_TREE;
}

static void on_mask(struct cpuid_walk *w, tree expr,
		    const struct cpuid_read *read, tree mask, bool update)
{
	struct judge_finding found;
	struct judge_read jr;
	long value;
	int bit;

	/* "entry->edx |= F(PSE)" advertises; only reads query */
	if (update || TREE_CODE(expr) != BIT_AND_EXPR)
		return;
	judge_read_of(read, &jr);
	if (!constant_value(mask, &value)) {
		walk_tree_without_duplicates(&mask, raw_features, &jr);
		return;
	}
	for (bit = 0; bit < 32; bit++)
		if (judge_alias_mask_bit(model_for_judge(), &jr,
					 (unsigned long)value & 0xffffffffUL,
					 bit, &found))
			report_judged(&found,
				      user_location(EXPR_LOCATION(expr)).loc);
}

/* ---- advertising an alias without its original ---- */

static void alias_on_lists(struct cap_lists *scan, tree fndecl)
{
	const struct judge_lists *lists = cap_lists_for_judge(scan);
	struct judge_finding found;
	int i, k;

	for (i = 0; i < scan->nr_lists; i++) {
		cap_list_uses(scan, &scan->list[i]);
		for (k = 0; k < scan->nr_uses; k++) {
			const struct feature_use *u = &scan->use[k];
			struct judge_use use = {
				u->number, u->at.wrapper, NULL
			};

			if (judge_alias_advertised(model_for_judge(), lists,
						   &lists->list[i], &use,
						   &found))
				report_judged(&found, u->at.loc);
		}
	}
}

struct cpuidcheck_check check_alias = {
	.name		= CHECK,
	.on_lists	= alias_on_lists,
	.on_call	= on_call,
	.on_mask	= on_mask,
};
