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

static void format_read(char *buf, size_t len, const struct cpuid_read *r)
{
	struct cpuid_place p = { r->function, r->index, r->reg, -1 };

	if (r->index_known) {
		format_place(buf, len, &p);
		return;
	}
	/* an indexed function read without a known sub-leaf */
	snprintf(buf, len, r->function > 9 ? "CPUID.%#x:%s" : "CPUID.%u:%s",
		 r->function, r->reg == REG_EAX ? "EAX" : r->reg == REG_EBX ?
		 "EBX" : r->reg == REG_ECX ? "ECX" : "EDX");
}

struct mask_walk {
	struct cpuid_walk *w;
	const struct cpuid_read *read;
	tree expr;
};

static void judge(const struct cpuid_read *r, long number, location_t call)
{
	struct user_loc at = user_location(call);
	const char *name = model_feature_name(number);
	struct cpuid_place fp, rp;
	char fplace[64], rplace[64], freg[64], written[96], other[96];
	char fix[128];
	struct finding_record f = {
		.check = CHECK, .subject = name, .feature = name,
		.place = fplace, .expected = freg, .fix = fix,
	};
	const char *other_name;
	int word;

	if (!name || !model_place_of(model_translate(number), &fp))
		return;
	if (fp.function == r->function && fp.reg == r->reg &&
	    (!r->index_known || fp.index == r->index))
		return;
	rp.function = r->function;
	rp.index = r->index_known ? r->index : 0;
	rp.reg = r->reg;
	rp.bit = fp.bit;
	if (r->index_known && facts_alias_of(&rp) &&
	    place_equal(&facts_alias_of(&rp)->original, &fp))
		return;		/* an alias query: cpuid-alias */

	format_place(fplace, sizeof(fplace), &fp);
	format_read(rplace, sizeof(rplace), r);
	if (at.wrapper)
		snprintf(written, sizeof(written), "%s(%s)", at.wrapper,
			 feature_short_name(name));
	else
		snprintf(written, sizeof(written), "%s", name);
	word = r->index_known ? model_word_of_place(&rp) : -1;
	other_name = word >= 0 ? model_feature_at(word, fp.bit) : NULL;
	if (other_name)
		snprintf(other, sizeof(other), " (%s)", other_name);
	else
		other[0] = '\0';
	fp.bit = -1;
	format_place(freg, sizeof(freg), &fp);
	snprintf(fix, sizeof(fix),
		 "mask %s, or use cpuid_entry_has()/guest_cpu_cap_has()",
		 freg);
	report(at.loc, &f,
	       "%s: %s is %s, but the mask is applied to %s; it tests bit %d there%s instead",
	       written, name, fplace, rplace, rp.bit, other);
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
