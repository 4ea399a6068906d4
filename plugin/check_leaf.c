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

static const char *const alias_wrappers[] = { "ALIASED_1_EDX_F", "AF" };

/* ---- judging one feature ---- */

static const char *alias_wrapper_of_unit(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(alias_wrappers); i++)
		if (model_macro_defined(alias_wrappers[i]))
			return alias_wrappers[i];
	return NULL;
}

/* Is a list for @word a home for aliases at all? */
static bool word_holds_aliases(int word)
{
	struct cpuid_place p;
	int i;

	if (!model_place_of((long)word * 32, &p))
		return false;
	for (i = 0; i < facts.nr_alias; i++)
		if (facts.alias[i].alias.function == p.function &&
		    facts.alias[i].alias.index == p.index &&
		    facts.alias[i].alias.reg == p.reg)
			return true;
	return false;
}

/* The word holding the alias of the feature at @fp, for a person. */
static const char *alias_home(const struct cpuid_place *fp)
{
	int i;

	for (i = 0; i < facts.nr_alias; i++)
		if (place_equal(&facts.alias[i].original, fp))
			return model_word_name(
				model_word_of_place(&facts.alias[i].alias));
	return "the alias words";
}

/* What bit @bit of @word is, for a person: a name or an alias. */
static void describe_bit(char *buf, size_t len, int word, int bit)
{
	const char *name = model_feature_at(word, bit);
	const struct alias_fact *a;
	struct cpuid_place p;
	char where[64];

	if (name) {
		snprintf(buf, len, "%s", name);
		return;
	}
	if (model_place_of((long)word * 32 + bit, &p)) {
		a = facts_alias_of(&p);
		if (a) {
			format_place(where, sizeof(where), &a->original);
			name = model_feature_at(model_word_of_place(&a->original),
						a->original.bit);
			snprintf(buf, len, "the alias of %s, %s",
				 name ? name : a->name, where);
			return;
		}
	}
	snprintf(buf, len, "a bit with no feature name");
}

static void move_advice(char *buf, size_t len, struct cap_lists *scan,
			long kvm_number, const char *api)
{
	long word = kvm_number / 32;
	const struct feature_list *home = cap_list_for_word(scan, word);

	if (home && cap_list_declares(scan, home, kvm_number))
		snprintf(buf, len,
			 "remove it; the %s(%s, ...) list at line %d already has it",
			 home->api, model_word_name(word),
			 LOCATION_LINE(home->loc));
	else if (home)
		snprintf(buf, len, "move it to the %s(%s, ...) list at line %d",
			 home->api, model_word_name(word),
			 LOCATION_LINE(home->loc));
	else
		snprintf(buf, len,
			 "no %s(%s, ...) list exists here; add one or drop the feature",
			 api, model_word_name(word));
}

static void judge(struct cap_lists *scan, const struct feature_list *list,
		  const struct feature_use *use, struct user_loc at)
{
	long kvm_number = model_translate(use->number);
	const char *name = model_feature_name(use->number);
	const char *alias_wrapper = alias_wrapper_of_unit();
	const struct alias_fact *alias;
	struct cpuid_place fp, lp, list_reg;
	char written[96], fplace[64], lplace[64], bitdesc[160];
	char via[96] = "", lbit[64], fix[256];
	struct finding_record f = {
		.check = CHECK, .subject = name, .feature = name,
		.place = fplace, .fix = fix,
	};
	int word;

	if (!name || !model_place_of(kvm_number, &fp) ||
	    !model_place_of(list->leaf * 32 + fp.bit, &lp))
		return;		/* partial model: no guess */
	word = kvm_number / 32;
	list_reg = lp;
	list_reg.bit = -1;
	alias = facts_alias_of(&lp);
	if (alias && !place_equal(&alias->original, &fp))
		alias = NULL;

	if (at.wrapper)
		snprintf(written, sizeof(written), "%s(%s)", at.wrapper,
			 feature_short_name(name));
	else
		snprintf(written, sizeof(written), "%s", name);
	if (use->local)
		snprintf(via, sizeof(via), " (through %s)",
			 decl_name(use->local));
	format_place(fplace, sizeof(fplace), &fp);
	format_place(lplace, sizeof(lplace), &list_reg);
	format_place(lbit, sizeof(lbit), &lp);
	describe_bit(bitdesc, sizeof(bitdesc), list->leaf, fp.bit);

	if (name_in(at.wrapper, alias_wrappers, ARRAY_SIZE(alias_wrappers))) {
		if (alias)
			return;
		if (word == list->leaf && !word_holds_aliases(word)) {
			snprintf(fix, sizeof(fix), "here write F(%s)",
				 feature_short_name(name));
			report(at.loc, &f,
			       "%s%s: %s is %s, word %s, the word of this list; %s() is only for aliases in %s",
			       written, via, name, fplace,
			       model_word_name(word), at.wrapper,
			       alias_home(&fp));
		} else if (word == list->leaf) {
			snprintf(fix, sizeof(fix), "write F(%s)",
				 feature_short_name(name));
			report(at.loc, &f,
			       "%s%s: %s is %s, word %s, a feature of this word, not an alias",
			       written, via, name, fplace,
			       model_word_name(word));
		} else if (word_holds_aliases(list->leaf)) {
			snprintf(fix, sizeof(fix),
				 "remove it from the %s list",
				 model_word_name(list->leaf));
			report(at.loc, &f,
			       "%s%s: %s is %s, word %s, which AMD does not alias into %s (bit %d there is %s)",
			       written, via, name, fplace,
			       model_word_name(word), lplace, fp.bit, bitdesc);
		} else {
			snprintf(fix, sizeof(fix), "write F(%s) in the %s list",
				 feature_short_name(name),
				 model_word_name(word));
			report(at.loc, &f,
			       "%s%s: %s is %s, word %s, but %s is used in the %s list, which holds no aliases",
			       written, via, name, fplace,
			       model_word_name(word), at.wrapper,
			       model_word_name(list->leaf));
		}
		return;
	}
	if (word == list->leaf)
		return;
	if (alias) {
		if (!alias_wrapper)
			return;
		snprintf(fix, sizeof(fix), "in the %s list write %s(%s)",
			 model_word_name(list->leaf), alias_wrapper,
			 feature_short_name(name));
		report(at.loc, &f,
		       "%s%s: %s is %s, word %s, aliased by AMD as %s",
		       written, via, name, fplace,
		       model_word_name(word), lbit);
		return;
	}
	move_advice(fix, sizeof(fix), scan, kvm_number, list->api);
	f.expected = model_word_name(word);
	report(at.loc, &f,
	       "%s%s: %s is %s, word %s, but is listed for word %s (%s); it would set %s bit %d (%s) instead",
	       written, via, name, fplace, model_word_name(word),
	       model_word_name(list->leaf), lplace, model_word_name(list->leaf),
	       fp.bit, bitdesc);
}

static void check_list(struct cap_lists *scan, const struct feature_list *list)
{
	struct feature_use *uses = XNEWVEC(struct feature_use, MAX_USES);
	int nr_uses, i;

	/* judge() may look at other lists, which reuses scan->use */
	cap_list_uses(scan, list);
	nr_uses = scan->nr_uses;
	memcpy(uses, scan->use, nr_uses * sizeof(*uses));
	for (i = 0; i < nr_uses; i++)
		judge(scan, list, &uses[i], uses[i].at);
	free(uses);
}

static void leaf_on_lists(struct cap_lists *scan, tree fndecl)
{
	int i;

	for (i = 0; i < scan->nr_lists; i++)
		if (scan->list[i].leaf >= 0 && scan->list[i].leaf < MAX_WORDS)
			check_list(scan, &scan->list[i]);
}

struct cpuidcheck_check check_leaf = {
	.name		= CHECK,
	.on_lists	= leaf_on_lists,
};
