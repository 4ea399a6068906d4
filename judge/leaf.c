// SPDX-License-Identifier: GPL-2.0
/*
 * cpuid-leaf: every feature handed to KVM's capability setup must belong to
 * the word being initialised.  X86_FEATURE_x is word*32+bit and the setup
 * keeps only the bit, so F(SMEP) in the CPUID_7_ECX list silently sets
 * 7.ECX bit 7 (SHSTK).  Scattered features are judged by the word
 * __feature_translate() gives.
 *
 * AMD's aliases of 0x1.EDX in 0x8000_0001.EDX (data/cpuid-facts) may be
 * listed there; where the unit defines an alias wrapper (ALIASED_1_EDX_F,
 * v2's AF) only through it, and the wrapper only for real aliases.
 *
 * Raw masks, "entry->REG & feature_bit(X)" and "cpuid_REG(fn) & F(X)",
 * must read the function, index and register where X lives, or they test
 * some other feature's bit.  A mask on the alias of the feature is
 * cpuid-alias's: one finding per mistake.
 */
#include <stdio.h>

#include "judge.h"

#define CHECK "cpuid-leaf"

/* Is a list for @word a home for aliases at all? */
static bool word_holds_aliases(const struct cpuid_model *m, int word)
{
	struct cpuid_place p;
	int i;

	if (!cpuid_model_place_of(m, (long)word * 32, &p))
		return false;
	for (i = 0; i < facts.nr_alias; i++)
		if (facts.alias[i].alias.function == p.function &&
		    facts.alias[i].alias.index == p.index &&
		    facts.alias[i].alias.reg == p.reg)
			return true;
	return false;
}

/* The word holding the alias of the feature at @fp, for a person. */
static const char *alias_home(const struct cpuid_model *m,
			      const struct cpuid_place *fp)
{
	int i;

	for (i = 0; i < facts.nr_alias; i++)
		if (place_equal(&facts.alias[i].original, fp))
			return cpuid_model_word_name(m,
				cpuid_model_word_of_place(m,
							  &facts.alias[i].alias));
	return "the alias words";
}

/* What bit @bit of @word is, for a person: a name or an alias. */
static void describe_bit(const struct cpuid_model *m, char *buf, size_t len,
			 int word, int bit)
{
	const char *name = cpuid_model_feature_at(m, word, bit);
	const struct alias_fact *a;
	struct cpuid_place p;
	char where[PLACE_LEN];

	if (name) {
		snprintf(buf, len, "%s", name);
		return;
	}
	if (cpuid_model_place_of(m, (long)word * 32 + bit, &p)) {
		a = facts_alias_of(&p);
		if (a) {
			format_place(where, sizeof(where), &a->original);
			name = cpuid_model_feature_at(m,
				cpuid_model_word_of_place(m, &a->original),
				a->original.bit);
			snprintf(buf, len, "the alias of %s, %s",
				 name ? name : a->name, where);
			return;
		}
	}
	snprintf(buf, len, "a bit with no feature name");
}

/*
 * Where the feature belongs instead: the finding's last clauses.  Returns
 * what a patch would do.
 */
static enum judge_action move_advice(const struct cpuid_model *m,
				     const struct judge_lists *lists,
				     struct judge_finding *out,
				     long kvm_number, const char *api)
{
	int word = kvm_number / 32;
	const struct judge_list *home = judge_list_for_word(lists, word);
	const char *wname = cpuid_model_word_name(m, word);

	if (home && judge_list_declares(home, kvm_number)) {
		judge_fix(out, "remove it");
		judge_note(out, "the %s(%s, ...) list at line %d already has it",
			   home->api, wname, home->line);
		return ACTION_REMOVE;
	}
	if (home) {
		judge_fix(out, "move it to the %s(%s, ...) list at line %d",
			  home->api, wname, home->line);
		return ACTION_MOVE;
	}
	judge_note(out, "no %s(%s, ...) list exists here", api, wname);
	judge_fix(out, "add one or drop the feature");
	return ACTION_NONE;
}

/* A use of the alias wrapper: only for a real alias in an alias word. */
static bool judge_alias_wrapper(const struct cpuid_model *m,
				const struct judge_list *list,
				const struct judge_use *use, const char *name,
				const char *label, const struct cpuid_place *fp,
				const struct cpuid_place *list_reg,
				struct judge_finding *out)
{
	int word = cpuid_model_translate(m, use->number) / 32;
	const char *wname = cpuid_model_word_name(m, word);
	const char *leaf = cpuid_model_word_name(m, list->leaf);
	const char *s = feature_short_name(name);
	char fplace[PLACE_LEN], lplace[PLACE_LEN], bitdesc[160];

	format_place(fplace, sizeof(fplace), fp);
	format_place(lplace, sizeof(lplace), list_reg);
	describe_bit(m, bitdesc, sizeof(bitdesc), list->leaf, fp->bit);
	if (word == list->leaf && !word_holds_aliases(m, word)) {
		judge_word(out, CHECK, name, name, fplace,
			   "%s: %s is %s, word %s, the word of this list; %s() is only for aliases in %s",
			   label, name, fplace, wname, use->wrapper,
			   alias_home(m, fp));
		judge_fix(out, "here write F(%s)", s);
		judge_expect(out, ACTION_REWRITE, NULL, "F(%s)", s);
	} else if (word == list->leaf) {
		judge_word(out, CHECK, name, name, fplace,
			   "%s: %s is %s, word %s, a feature of this word, not an alias",
			   label, name, fplace, wname);
		judge_fix(out, "write F(%s)", s);
		judge_expect(out, ACTION_REWRITE, NULL, "F(%s)", s);
	} else if (word_holds_aliases(m, list->leaf)) {
		judge_word(out, CHECK, name, name, fplace,
			   "%s: %s is %s, word %s, which AMD does not alias into %s (bit %d there is %s)",
			   label, name, fplace, wname, lplace, fp->bit,
			   bitdesc);
		judge_fix(out, "remove it from the %s list", leaf);
		judge_expect(out, ACTION_REMOVE, NULL,
			     "no %s in the %s list", s, leaf);
	} else {
		judge_word(out, CHECK, name, name, fplace,
			   "%s: %s is %s, word %s, but %s is used in the %s list, which holds no aliases",
			   label, name, fplace, wname, use->wrapper, leaf);
		judge_fix(out, "write F(%s) in the %s list", s, wname);
		judge_expect(out, ACTION_NONE, NULL, "F(%s) in the %s list",
			     s, wname);
	}
	snprintf(out->action_arg, sizeof(out->action_arg), "%s",
		 out->action == ACTION_REWRITE ? out->expected : "");
	return true;
}

bool judge_leaf_use(const struct cpuid_model *m,
		    const struct judge_lists *lists,
		    const struct judge_list *list, const struct judge_use *use,
		    struct judge_finding *out)
{
	long kvm_number = cpuid_model_translate(m, use->number);
	const char *name = cpuid_model_feature_name(m, use->number);
	const struct alias_fact *alias;
	struct cpuid_place fp, lp, list_reg;
	char written[96], fplace[PLACE_LEN], lplace[PLACE_LEN], bitdesc[160];
	char label[192], lbit[PLACE_LEN];
	const char *wname, *leaf;
	enum judge_action action;
	int word;

	if (!name || !cpuid_model_place_of(m, kvm_number, &fp) ||
	    !cpuid_model_place_of(m, (long)list->leaf * 32 + fp.bit, &lp))
		return false;		/* partial model: no guess */
	word = kvm_number / 32;
	wname = cpuid_model_word_name(m, word);
	leaf = cpuid_model_word_name(m, list->leaf);
	list_reg = lp;
	list_reg.bit = -1;
	alias = facts_alias_of(&lp);
	if (alias && !place_equal(&alias->original, &fp))
		alias = NULL;

	if (use->wrapper)
		snprintf(written, sizeof(written), "%s(%s)", use->wrapper,
			 feature_short_name(name));
	else
		snprintf(written, sizeof(written), "%s", name);
	if (use->local)
		snprintf(label, sizeof(label), "%s (through %s)", written,
			 use->local);
	else
		snprintf(label, sizeof(label), "%s", written);

	if (is_alias_wrapper(use->wrapper))
		return !alias && judge_alias_wrapper(m, list, use, name, label,
						     &fp, &list_reg, out);
	if (word == list->leaf)
		return false;
	format_place(fplace, sizeof(fplace), &fp);
	if (alias) {
		if (!m->alias_wrapper)
			return false;
		format_place(lbit, sizeof(lbit), &lp);
		judge_word(out, CHECK, name, name, fplace,
			   "%s: %s is %s, word %s, aliased by AMD as %s",
			   label, name, fplace, wname, lbit);
		judge_fix(out, "in the %s list write %s(%s)", leaf,
			  m->alias_wrapper, feature_short_name(name));
		judge_expect(out, ACTION_REWRITE, NULL, "%s(%s)",
			     m->alias_wrapper, feature_short_name(name));
		snprintf(out->action_arg, sizeof(out->action_arg), "%s",
			 out->expected);
		return true;
	}
	format_place(lplace, sizeof(lplace), &list_reg);
	describe_bit(m, bitdesc, sizeof(bitdesc), list->leaf, fp.bit);
	judge_word(out, CHECK, name, name, fplace,
		   "%s: %s is %s, word %s, but is listed for word %s (%s); it would set %s bit %d (%s) instead",
		   label, name, fplace, wname, leaf, lplace, leaf, fp.bit,
		   bitdesc);
	action = move_advice(m, lists, out, kvm_number, list->api);
	judge_expect(out, action, action == ACTION_MOVE ? wname : NULL,
		     "%s in the %s list", written, wname);
	return true;
}

bool judge_leaf_mask(const struct cpuid_model *m, const struct judge_read *r,
		     long number, const char *wrapper,
		     struct judge_finding *out)
{
	char fplace[PLACE_LEN], rplace[PLACE_LEN], freg[PLACE_LEN];
	char written[96], other[96];
	struct cpuid_place fp, rp;
	const char *name = cpuid_model_feature(m, number, &fp);
	const struct alias_fact *alias;
	const char *other_name;
	int word;

	if (!name)
		return false;
	if (fp.function == r->function && fp.reg == r->reg &&
	    (!r->index_known || fp.index == r->index))
		return false;
	rp.function = r->function;
	rp.index = r->index_known ? r->index : 0;
	rp.reg = r->reg;
	rp.bit = fp.bit;
	alias = r->index_known ? facts_alias_of(&rp) : NULL;
	if (alias && place_equal(&alias->original, &fp))
		return false;		/* an alias query: cpuid-alias */

	format_place(fplace, sizeof(fplace), &fp);
	rp.bit = -1;
	if (r->index_known)
		format_place(rplace, sizeof(rplace), &rp);
	else	/* an indexed function read without a known sub-leaf */
		format_place_no_index(rplace, sizeof(rplace), &rp);
	rp.bit = fp.bit;
	if (wrapper)
		snprintf(written, sizeof(written), "%s(%s)", wrapper,
			 feature_short_name(name));
	else
		snprintf(written, sizeof(written), "%s", name);
	word = r->index_known ? cpuid_model_word_of_place(m, &rp) : -1;
	other_name = word >= 0 ? cpuid_model_feature_at(m, word, fp.bit) :
				 NULL;
	if (other_name)
		snprintf(other, sizeof(other), " (%s)", other_name);
	else
		other[0] = '\0';
	fp.bit = -1;
	format_place(freg, sizeof(freg), &fp);
	fp.bit = rp.bit;
	judge_word(out, CHECK, name, name, fplace,
		   "%s: %s is %s, but the mask is applied to %s; it tests bit %d there%s instead",
		   written, name, fplace, rplace, rp.bit, other);
	judge_fix(out, "mask %s, or use cpuid_entry_has()/guest_cpu_cap_has()",
		  freg);
	judge_expect(out, ACTION_NONE, NULL, "a mask of %s", freg);
	return true;
}
