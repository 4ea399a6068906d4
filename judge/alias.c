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
#include <stdio.h>
#include <string.h>

#include "judge.h"

#define CHECK "cpuid-alias"

/* Functions that answer "does it have X?", any era. */
static const char *const query_apis[] = {
	"guest_cpuid_has", "guest_cpu_cap_has", "guest_can_use",
	"kvm_cpu_cap_has", "kvm_cpu_cap_get", "__kvm_cpu_cap_has",
	"cpuid_entry_has", "cpuid_entry_get",
	"kvm_governed_feature_check_and_set",
};

/* Functions that change what KVM advertises or what the guest has. */
static const char *const set_apis[] = {
	"kvm_cpu_cap_set", "kvm_cpu_cap_clear", "kvm_cpu_cap_check_and_set",
	"guest_cpu_cap_set", "guest_cpu_cap_clear", "guest_cpu_cap_change",
	"guest_cpuid_clear", "cpuid_entry_set", "cpuid_entry_clear",
	"cpuid_entry_change", "kvm_governed_feature_set",
};

static bool name_in(const char *name, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; name && i < n; i++)
		if (!strcmp(name, list[i]))
			return true;
	return false;
}

bool judge_is_query_api(const char *name)
{
	return name_in(name, query_apis, ARRAY_SIZE(query_apis));
}

bool judge_is_set_api(const char *name)
{
	return name_in(name, set_apis, ARRAY_SIZE(set_apis));
}

static const char *original_name(const struct cpuid_model *m,
				  const struct alias_fact *a)
{
	const char *name = cpuid_model_feature_at(m,
		cpuid_model_word_of_place(m, &a->original), a->original.bit);

	return name ? name : a->name;
}

bool judge_alias_query(const struct cpuid_model *m, const char *api,
		       long number, struct judge_finding *out)
{
	const char *name = cpuid_model_feature_name(m, number);
	const struct alias_fact *a;
	struct cpuid_place p;
	char aplace[PLACE_LEN], oplace[PLACE_LEN], label[96];
	const char *original;

	if (!judge_is_query_api(api) ||
	    !cpuid_model_place_of(m, cpuid_model_translate(m, number), &p))
		return false;
	a = facts_alias_of(&p);
	if (!a)
		return false;
	original = original_name(m, a);
	format_place(aplace, sizeof(aplace), &p);
	format_place(oplace, sizeof(oplace), &a->original);
	if (name)
		snprintf(label, sizeof(label), "%s", name);
	else
		snprintf(label, sizeof(label), "feature %ld", number);
	judge_word(out, CHECK, name ? name : a->name, name, aplace,
		   "%s(%s): %s is %s, an alias of %s (%s); KVM must never query an alias, the answer is meaningless (KVM honours only the original)",
		   api, label, label, aplace, original, oplace);
	judge_fix(out, "query %s instead", original);
	judge_expect(out, ACTION_REWRITE, original, "%s", original);
	return true;
}

/* Bit @bit of what @r reads, at @rp: the alias of a feature? */
static const struct alias_fact *alias_read(const struct judge_read *r,
					   int bit, struct cpuid_place *rp)
{
	if (!r->function_known || !r->index_known)
		return NULL;
	rp->function = r->function;
	rp->index = r->index;
	rp->reg = r->reg;
	rp->bit = bit;
	return facts_alias_of(rp);
}

/*
 * An alias read of the feature at @op: the finding is about that place,
 * and its register is what should have been read.
 */
static bool expect_test_of(struct judge_finding *out,
			   const struct cpuid_place *op)
{
	struct cpuid_place reg = *op;

	format_place(out->place, sizeof(out->place), op);
	reg.bit = -1;
	format_place(out->expected, sizeof(out->expected), &reg);
	return true;
}

/* The read's place and the original's, for a person */
static void alias_places(const struct cpuid_place *rp,
			 const struct cpuid_place *op, char *rplace,
			 char *oplace)
{
	format_place(rplace, PLACE_LEN, rp);
	format_place(oplace, PLACE_LEN, op);
}

bool judge_alias_mask(const struct cpuid_model *m, const struct judge_read *r,
		      long number, const char *wrapper,
		      struct judge_finding *out)
{
	const struct alias_fact *a;
	struct cpuid_place fp, rp;
	const char *name = cpuid_model_feature(m, number, &fp);
	char how[96], oplace[PLACE_LEN], rplace[PLACE_LEN];

	if (!name)
		return false;
	a = alias_read(r, fp.bit, &rp);
	if (!a || !place_equal(&a->original, &fp))
		return false;
	alias_places(&rp, &fp, rplace, oplace);
	snprintf(how, sizeof(how), "%s(%s)", wrapper ? wrapper :
		 "__feature_bit", wrapper ? feature_short_name(name) : name);
	judge_word(out, CHECK, name, name, rplace,
		   "%s: the mask reads %s, the alias of %s (%s), not the feature itself; KVM must never query an alias, the answer is meaningless",
		   how, rplace, name, oplace);
	judge_fix(out, "test %s in %s instead (e.g. guest_cpu_cap_has())",
		  name, oplace);
	return expect_test_of(out, &fp);
}

/* Bit @bit of constant @mask applied to @r: the alias of something? */
bool judge_alias_mask_bit(const struct cpuid_model *m,
			  const struct judge_read *r, unsigned long mask,
			  int bit, struct judge_finding *out)
{
	const struct alias_fact *a;
	struct cpuid_place rp;
	char rplace[PLACE_LEN], oplace[PLACE_LEN];
	const char *original;

	if (!(mask & (1UL << bit)))
		return false;
	a = alias_read(r, bit, &rp);
	if (!a)
		return false;
	original = original_name(m, a);
	alias_places(&rp, &a->original, rplace, oplace);
	judge_word(out, CHECK, original, original, rplace,
		   "the mask %#lx reads %s, the alias of %s (%s); KVM must never query an alias, the answer is meaningless",
		   mask, rplace, original, oplace);
	judge_fix(out, "test %s in %s instead", original, oplace);
	return expect_test_of(out, &a->original);
}

bool judge_alias_advertised(const struct cpuid_model *m,
			    const struct judge_lists *lists,
			    const struct judge_list *list,
			    const struct judge_use *use,
			    struct judge_finding *out)
{
	long number = cpuid_model_translate(m, use->number);
	const char *name = cpuid_model_feature_name(m, use->number);
	const struct judge_list *home;
	const struct alias_fact *a;
	struct cpuid_place fp, lp;
	char aplace[PLACE_LEN], oplace[PLACE_LEN], written[96];
	const char *original;
	int ow;

	if (!cpuid_model_place_of(m, number, &fp) ||
	    !cpuid_model_place_of(m, (long)list->leaf * 32 + fp.bit, &lp))
		return false;
	a = facts_alias_of(&lp);
	/* F(PSE) in 0x8000_0001.EDX, or F(AMX_INT8_ALIAS) in 0x1E */
	if (!a || (!place_equal(&a->original, &fp) && !place_equal(&lp, &fp)))
		return false;
	ow = cpuid_model_word_of_place(m, &a->original);
	home = ow >= 0 ? judge_list_for_word(lists, ow) : NULL;
	if (!home ||
	    judge_list_declares(home, (long)ow * 32 + a->original.bit))
		return false;
	original = original_name(m, a);
	snprintf(written, sizeof(written), "%s(%s)",
		 use->wrapper ? use->wrapper : "__feature_bit",
		 name ? (use->wrapper ? feature_short_name(name) : name) : "?");
	format_place(aplace, sizeof(aplace), &lp);
	format_place(oplace, sizeof(oplace), &a->original);
	judge_word(out, CHECK, original, original, oplace,
		   "%s advertises %s, the alias of %s (%s), but the %s(%s, ...) list at line %d does not advertise %s; an alias without its original is a bogus CPUID model",
		   written, aplace, original, oplace, home->api,
		   cpuid_model_word_name(m, ow), home->line, original);
	judge_fix(out, "add %s to that list or drop the alias", original);
	judge_expect(out, ACTION_NONE, NULL, "%s", original);
	return true;
}
