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

static const char *original_name(const struct alias_fact *a)
{
	const char *name = model_feature_at(model_word_of_place(&a->original),
					    a->original.bit);

	return name ? name : a->name;
}

static void report_query(location_t loc, const char *how, long number,
			 const struct cpuid_place *place,
			 const struct alias_fact *a)
{
	struct user_loc at = user_location(loc);
	const char *name = model_feature_name(number);
	char aplace[64], oplace[64], label[96], fix[128];
	struct finding_record f = {
		.check = CHECK, .subject = name ? name : a->name,
		.feature = name, .place = aplace,
		.expected = original_name(a), .fix = fix,
	};

	format_place(aplace, sizeof(aplace), place);
	format_place(oplace, sizeof(oplace), &a->original);
	if (name)
		snprintf(label, sizeof(label), "%s", name);
	else
		snprintf(label, sizeof(label), "feature %ld", number);
	snprintf(fix, sizeof(fix), "query %s instead", original_name(a));
	report(at.loc, &f,
	       "%s(%s): %s is %s, an alias of %s (%s); KVM must never query an alias, the answer is meaningless (KVM honours only the original)",
	       how, label, label, aplace, original_name(a), oplace);
}

/* ---- queries through the APIs ---- */

static void on_call(struct cpuid_walk *w, tree call)
{
	const char *api = callee_name(call);
	const struct alias_fact *a;
	struct cpuid_place p;
	long number;

	if (!is_query_api(api) ||
	    !constant_value(feature_argument(call), &number) ||
	    !model_place_of(model_translate(number), &p))
		return;
	a = facts_alias_of(&p);
	if (a)
		report_query(EXPR_LOCATION(call), api, number, &p, a);
}

/* ---- raw reads ---- */

struct raw_walk {
	const struct cpuid_read *read;
};

static bool read_place(const struct cpuid_read *r, int bit,
		       struct cpuid_place *p)
{
	if (!r->function_known || !r->index_known)
		return false;
	p->function = r->function;
	p->index = r->index;
	p->reg = r->reg;
	p->bit = bit;
	return true;
}

static tree raw_features(tree *tp, int *walk_subtrees, void *data)
{
	struct raw_walk *rw = (struct raw_walk *)data;
	const struct alias_fact *a;
	struct cpuid_place fp, rp;
	char how[64], oplace[64], rplace[64], oreg[64], fix[192];
	struct finding_record f = {
		.check = CHECK, .place = oplace, .expected = oreg, .fix = fix,
	};
	struct user_loc at;
	const char *name;
	long number;

	if (!is_feature_bit_call(*tp, &number))
		return NULL_TREE;
	*walk_subtrees = 0;
	name = model_feature_name(number);
	if (!name || !model_place_of(model_translate(number), &fp) ||
	    !read_place(rw->read, fp.bit, &rp))
		return NULL_TREE;
	a = facts_alias_of(&rp);
	if (!a || !place_equal(&a->original, &fp))
		return NULL_TREE;
	at = user_location(EXPR_LOCATION(*tp));
	format_place(rplace, sizeof(rplace), &rp);
	format_place(oplace, sizeof(oplace), &fp);
	fp.bit = -1;
	format_place(oreg, sizeof(oreg), &fp);
	snprintf(how, sizeof(how), "%s(%s)", at.wrapper ? at.wrapper :
		 "__feature_bit", at.wrapper ? feature_short_name(name) : name);
	snprintf(fix, sizeof(fix),
		 "test %s in %s instead (e.g. guest_cpu_cap_has())", name,
		 oplace);
	f.subject = f.feature = name;
	report(at.loc, &f,
	       "%s: the mask reads %s, the alias of %s (%s), not the feature itself; KVM must never query an alias, the answer is meaningless",
	       how, rplace, name, oplace);
	return NULL_TREE;
}

static void raw_constant(tree expr, const struct cpuid_read *r,
			 unsigned long mask)
{
	const struct alias_fact *a;
	struct cpuid_place rp, op;
	char rplace[64], oplace[64], oreg[64], fix[192];
	struct finding_record f = {
		.check = CHECK, .place = oplace, .expected = oreg, .fix = fix,
	};
	int bit;

	for (bit = 0; bit < 32; bit++) {
		if (!(mask & (1UL << bit)) || !read_place(r, bit, &rp))
			continue;
		a = facts_alias_of(&rp);
		if (!a)
			continue;
		op = a->original;
		format_place(rplace, sizeof(rplace), &rp);
		format_place(oplace, sizeof(oplace), &op);
		op.bit = -1;
		format_place(oreg, sizeof(oreg), &op);
		snprintf(fix, sizeof(fix), "test %s in %s instead",
			 original_name(a), oplace);
		f.subject = f.feature = original_name(a);
		report(user_location(EXPR_LOCATION(expr)).loc, &f,
		       "the mask %#lx reads %s, the alias of %s (%s); KVM must never query an alias, the answer is meaningless",
		       mask, rplace, original_name(a), oplace);
	}
}

static void on_mask(struct cpuid_walk *w, tree expr,
		    const struct cpuid_read *read, tree mask, bool update)
{
	struct raw_walk rw = { read };
	long value;

	/* "entry->edx |= F(PSE)" advertises; only reads query */
	if (update || TREE_CODE(expr) != BIT_AND_EXPR)
		return;
	if (constant_value(mask, &value))
		raw_constant(expr, read, (unsigned long)value & 0xffffffffUL);
	else
		walk_tree_without_duplicates(&mask, raw_features, &rw);
}

/* ---- advertising an alias without its original ---- */

static void check_advertised(struct cap_lists *scan,
			     const struct feature_list *list)
{
	struct feature_use *uses = XNEWVEC(struct feature_use, MAX_USES);
	const struct judge_lists *lists = cap_lists_for_judge(scan);
	const struct judge_list *home;
	const struct alias_fact *a;
	struct cpuid_place fp, lp;
	char aplace[64], oplace[64], written[96], fix[128];
	struct finding_record f = {
		.check = CHECK, .place = oplace, .fix = fix,
	};
	const char *name;
	int nr_uses, i, ow;

	cap_list_uses(scan, list);
	nr_uses = scan->nr_uses;
	memcpy(uses, scan->use, nr_uses * sizeof(*uses));
	for (i = 0; i < nr_uses; i++) {
		long number = model_translate(uses[i].number);
		struct user_loc at;

		if (!model_place_of(number, &fp) ||
		    !model_place_of(list->leaf * 32 + fp.bit, &lp))
			continue;
		a = facts_alias_of(&lp);
		if (!a)
			continue;
		/* F(PSE) in 0x8000_0001.EDX, or F(AMX_INT8_ALIAS) in 0x1E */
		if (!place_equal(&a->original, &fp) && !place_equal(&lp, &fp))
			continue;
		ow = model_word_of_place(&a->original);
		home = ow >= 0 ? judge_list_for_word(lists, ow) : NULL;
		if (!home || judge_list_declares(home,
					       (long)ow * 32 + a->original.bit))
			continue;
		at = uses[i].at;
		name = model_feature_name(uses[i].number);
		snprintf(written, sizeof(written), "%s(%s)",
			 at.wrapper ? at.wrapper : "__feature_bit",
			 name ? (at.wrapper ? feature_short_name(name) : name) :
				"?");
		format_place(aplace, sizeof(aplace), &lp);
		format_place(oplace, sizeof(oplace), &a->original);
		snprintf(fix, sizeof(fix),
			 "add %s to that list or drop the alias",
			 original_name(a));
		f.subject = f.feature = f.expected = original_name(a);
		report(at.loc, &f,
		       "%s advertises %s, the alias of %s (%s), but the %s(%s, ...) list at line %d does not advertise %s; an alias without its original is a bogus CPUID model",
		       written, aplace,
		       original_name(a), oplace, home->api,
		       model_word_name(ow), home->line,
		       original_name(a));
	}
	free(uses);
}

static void alias_on_lists(struct cap_lists *scan, tree fndecl)
{
	int i;

	for (i = 0; i < scan->nr_lists; i++)
		check_advertised(scan, &scan->list[i]);
}

struct cpuidcheck_check check_alias = {
	.name		= CHECK,
	.on_lists	= alias_on_lists,
	.on_call	= on_call,
	.on_mask	= on_mask,
};
