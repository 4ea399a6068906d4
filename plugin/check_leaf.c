// SPDX-License-Identifier: GPL-2.0
/*
 * cpuid-leaf: every feature handed to KVM's capability setup must belong to
 * the word being initialised.  X86_FEATURE_x is word*32+bit and the setup
 * keeps only the bit, so F(SMEP) in the CPUID_7_ECX list silently sets
 * 7.ECX bit 7 (SHSTK).
 *
 * Lists, in both API eras:
 *   6.1-6.13  kvm_cpu_cap_mask(leaf, F(A) | F(B) | f_lm ...) and
 *             kvm_cpu_cap_init_kvm_defined(leaf, mask), inline functions;
 *   6.14+     kvm_cpu_cap_init(leaf, F(A), X86_64_F(B), ...), a macro whose
 *             scope declares kvm_cpu_cap_init_in_progress = leaf.
 * A feature is any __feature_bit()/__feature_leaf() call with a constant
 * argument inside the list, or a local the list uses that was assigned one.
 * Scattered features are judged by the word __feature_translate() gives.
 *
 * AMD's aliases of 0x1.EDX in 0x8000_0001.EDX (data/cpuid-facts) may be
 * listed there; where the unit defines an alias wrapper (ALIASED_1_EDX_F,
 * v2's AF) only through it, and the wrapper only for real aliases.
 */
#include "cpuidcheck.h"

#define CHECK "cpuid-leaf"

static void check_list(struct cap_lists *scan,
		       const struct judge_lists *lists, int i)
{
	struct judge_finding found;
	int k;

	cap_list_uses(scan, &scan->list[i]);
	for (k = 0; k < scan->nr_uses; k++) {
		const struct feature_use *u = &scan->use[k];
		struct judge_use use = {
			u->number, u->at.wrapper,
			u->local ? decl_name(u->local) : NULL
		};

		if (judge_leaf_use(model_for_judge(), lists, &lists->list[i],
				   &use, &found))
			report_judged(&found, u->at.loc);
	}
}

static void leaf_on_lists(struct cap_lists *scan, tree fndecl)
{
	const struct judge_lists *lists = cap_lists_for_judge(scan);
	int i;

	for (i = 0; i < scan->nr_lists; i++)
		if (scan->list[i].leaf >= 0 && scan->list[i].leaf < MAX_WORDS)
			check_list(scan, lists, i);
}

struct cpuidcheck_check check_leaf = {
	.name		= CHECK,
	.on_lists	= leaf_on_lists,
};
