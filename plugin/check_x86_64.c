// SPDX-License-Identifier: GPL-2.0
/*
 * cpuid-x86-64: a feature that exists only in 64-bit mode must be declared
 * the 64-bit-only way (6.14's X86_64_F(), applied to every era).
 *
 * A 32-bit KVM cannot virtualize long mode, 1 GiB pages, XFD, LKGS or
 * shadow stacks, so it must not advertise them.  6.1-6.13 declare such a
 * feature through a local set only under #ifdef CONFIG_X86_64 ("f_lm =
 * F(LM)", 0 otherwise); 6.14 on through X86_64_F().  The 64-bit-only
 * features are learned from the newest tree (data/cpuid-facts
 * "x86-64-only") and from the unit's own X86_64_F() uses.  A list entry
 * for one of them that is neither a local nor X86_64_F() is reported where
 * it is written.
 */
#include "cpuidcheck.h"

#define CHECK "cpuid-x86-64"

static const char wrapper_64[] = "X86_64_F";

static bool is_64_only(struct cap_lists *lists, const char *short_name,
		       long kvm_number)
{
	int i, j;

	if (facts_x86_64_only(short_name))
		return true;
	for (i = 0; i < lists->nr_lists; i++) {
		cap_list_uses(lists, &lists->list[i]);
		for (j = 0; j < lists->nr_uses; j++)
			if (lists->use[j].at.wrapper &&
			    !strcmp(lists->use[j].at.wrapper, wrapper_64) &&
			    model_translate(lists->use[j].number) == kvm_number)
				return true;
	}
	return false;
}

static void x86_64_on_lists(struct cap_lists *lists, tree fndecl)
{
	bool era2 = model_macro_defined(wrapper_64);
	int i, j, n;

	for (i = 0; i < lists->nr_lists; i++) {
		struct feature_use bad[64];

		/* is_64_only() reuses the scan's use array: copy first */
		cap_list_uses(lists, &lists->list[i]);
		for (j = n = 0; j < lists->nr_uses && n < 64; j++) {
			const struct feature_use *u = &lists->use[j];

			if (u->local || (u->at.wrapper &&
					 !strcmp(u->at.wrapper, wrapper_64)))
				continue;
			bad[n++] = *u;
		}
		for (j = 0; j < n; j++) {
			const struct feature_use *u = &bad[j];
			const char *name = model_feature_name(u->number);
			const char *wrapper = u->at.wrapper;
			const char *short_name;
			struct cpuid_place p;
			char place[64], expected[160], fix[192];
			struct finding_record f = {
				.check = CHECK, .subject = name,
				.feature = name, .place = place,
				.expected = expected, .fix = fix,
			};
			long kvm_number = model_translate(u->number);

			if (!name || !model_place_of(kvm_number, &p))
				continue;
			short_name = feature_short_name(name);
			if (!is_64_only(lists, short_name, kvm_number))
				continue;
			format_place(place, sizeof(place), &p);
			if (era2)
				snprintf(expected, sizeof(expected), "%s(%s)",
					 wrapper_64, short_name);
			else
				snprintf(expected, sizeof(expected),
					 "a local set to F(%s) under #ifdef CONFIG_X86_64 and to 0 otherwise, as f_lm is for LM",
					 short_name);
			snprintf(fix, sizeof(fix), "declare it with %s",
				 expected);
			report(u->at.loc, &f,
			       "%s(%s): %s (%s) exists only in 64-bit mode, but the %s(%s, ...) list declares it unconditionally, so a 32-bit KVM advertises it",
			       wrapper ? wrapper : "F", short_name, name,
			       place, lists->list[i].api,
			       model_word_name(lists->list[i].leaf));
		}
	}
}

struct cpuidcheck_check check_x86_64 = {
	.name		= CHECK,
	.on_lists	= x86_64_on_lists,
};
