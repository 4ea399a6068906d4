// SPDX-License-Identifier: GPL-2.0
/*
 * cpuid-scattered: a feature tested against the host kernel's capabilities
 * must be a kernel feature; a KVM-only number goes through no translation
 * into the kernel's words (6.14's "BUILD_BUG_ON(X86_FEATURE_##name >=
 * MAX_CPU_FEATURES)" in SCATTERED_F() and SYNTHESIZED_F(), applied to
 * every era).
 *
 * The kernel keeps features it scatters (reads from CPUID places that are
 * not its own words) in Linux-defined words; KVM maps them to its KVM-only
 * words with __feature_translate().  A wrapper that tests the host kernel
 * first (6.1-6.13's SF(), 6.14's SCATTERED_F() and SYNTHESIZED_F(), all
 * "boot_cpu_has(X86_FEATURE_##name)") or kvm_cpu_cap_check_and_set() must
 * be given the kernel's number.  Given a KVM-only number (a word of enum
 * kvm_only_cpuid_leafs, e.g. a feature the kernel does not know and KVM
 * defines with KVM_X86_FEATURE()), boot_cpu_has() tests a bit beyond the
 * kernel's capability words: the bug words or past the array.
 * The wrappers are learned from their definitions.
 */
#include "cpuidcheck.h"

#define CHECK "cpuid-scattered"

/* Does macro @name test the host kernel's capabilities with its argument? */
static bool tests_host(const char *name)
{
	cpp_hashnode *node = cpp_lookup(parse_in, (const unsigned char *)name,
					strlen(name));
	const char *def;

	if (!compat_user_macro_p(node))
		return false;
	def = compat_macro_definition(node);
	return def && strstr(def, "boot_cpu_has(X86_FEATURE_");
}

static void judge(const char *how, const char *short_name, long number,
		  location_t loc)
{
	const char *name = model_feature_name(number);
	struct cpuid_place p;
	char place[64], expected[96], fix[256];
	struct finding_record f = {
		.check = CHECK, .subject = name, .feature = name,
		.place = place, .expected = expected, .fix = fix,
	};
	int word = number / 32;

	if (!name || model_word_is_kernel(word) ||
	    !model_place_of(model_translate(number), &p))
		return;
	format_place(place, sizeof(place), &p);
	snprintf(expected, sizeof(expected), "F(%s)", short_name);
	snprintf(fix, sizeof(fix),
		 "use F(%s), or define the kernel's feature in a Linux-defined word and translate it in __feature_translate()",
		 short_name);
	report(loc, &f,
	       "%s: %s is KVM's own number for %s (word %s, KVM-only), not a feature of the kernel's capability words, so boot_cpu_has(%s) tests a bit past the kernel's x86_capability words",
	       how, name, place, model_word_name(word), name);
}

static void scattered_on_lists(struct cap_lists *lists, tree fndecl)
{
	char how[96];
	int i, j;

	for (i = 0; i < lists->nr_lists; i++) {
		cap_list_uses(lists, &lists->list[i]);
		for (j = 0; j < lists->nr_uses; j++) {
			const struct feature_use *u = &lists->use[j];
			const char *name = model_feature_name(u->number);

			if (!name || !u->at.wrapper || !tests_host(u->at.wrapper))
				continue;
			snprintf(how, sizeof(how), "%s(%s)", u->at.wrapper,
				 feature_short_name(name));
			judge(how, feature_short_name(name), u->number,
			      u->at.loc);
		}
	}
}

static void scattered_on_call(struct cpuid_walk *w, tree call)
{
	const char *name;
	char how[96];
	long number;

	if (strcmp(callee_name(call), "kvm_cpu_cap_check_and_set") ||
	    !constant_value(feature_argument(call), &number))
		return;
	name = model_feature_name(number);
	if (!name)
		return;
	snprintf(how, sizeof(how), "kvm_cpu_cap_check_and_set(%s)", name);
	judge(how, feature_short_name(name), number,
	      user_location(EXPR_LOCATION(call)).loc);
}

struct cpuidcheck_check check_scattered = {
	.name		= CHECK,
	.on_lists	= scattered_on_lists,
	.on_call	= scattered_on_call,
};
