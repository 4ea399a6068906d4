// SPDX-License-Identifier: GPL-2.0
/*
 * cpuid-leaf, raw masks: "entry->REG & feature_bit(X)" and
 * "cpuid_REG(fn) & F(X)" must read the function, index and register where
 * X lives (reverse_cpuid[]), or they test some other feature's bit.
 *
 * Entries whose origin can't be known are skipped (entries.c).  Masks on
 * an alias of the feature (0x8000_0001.EDX for a 0x1.EDX feature) are
 * cpuid-alias's, and the nested VMX CR4 tuples (cr4_fixed1_update) are
 * cpuid-cr4's: one finding per mistake.
 */
#include "cpuidcheck.h"

#define CHECK "cpuid-leaf"

struct mask_walk {
	struct cpuid_walk *w;
	const struct cpuid_read *read;
	tree expr;
};

static void judge(const struct cpuid_read *r, long number, location_t call)
{
	struct user_loc at = user_location(call);
	struct judge_read read = {
		r->function_known, r->function, r->index_known, r->index,
		r->reg
	};
	struct judge_finding found;

	if (judge_leaf_mask(model_for_judge(), &read, number, at.wrapper,
			    &found))
		report_judged(&found, at.loc);
}

static tree mask_features(tree *tp, int *walk_subtrees, void *data)
{
	struct mask_walk *m = (struct mask_walk *)data;
	long number;

	if (is_feature_bit_call(*tp, &number)) {
		judge(m->read, number, EXPR_LOCATION(*tp));
		*walk_subtrees = 0;
	}
	return NULL_TREE;
}

static void on_mask(struct cpuid_walk *w, tree expr,
		    const struct cpuid_read *read, tree mask, bool update)
{
	struct mask_walk m = { w, read, expr };

	if (loc_in_macro(EXPR_LOCATION(expr), "cr4_fixed1_update"))
		return;
	walk_tree_without_duplicates(&mask, mask_features, &m);
}

struct cpuidcheck_check check_rawmask = {
	.name		= CHECK,
	.on_mask	= on_mask,
};
