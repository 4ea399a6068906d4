// SPDX-License-Identifier: GPL-2.0
/*
 * cpuid-synthetic: a flag the kernel sets itself must not live in a word
 * that KVM maps to a hardware register.
 *
 * X86_FEATURE_x is word*32+bit; a word that reverse_cpuid[] maps to a CPUID
 * register is filled from that register by the kernel (get_cpu_cap()) and
 * handed to guests by KVM bit for bit.  A Linux-defined flag (set with
 * setup_force_cpu_cap() or set_cpu_cap(), never read from CPUID) given a
 * home there sits at a bit the architecture assigns to something else or
 * reserves: the kernel believes it whenever the CPU sets that bit, and KVM
 * passes it to guests as that CPUID bit.  Upstream keeps such flags in
 * Linux-defined words (CPUID_LNX_*) and translates the few KVM needs
 * (__feature_translate()); backports of mitigations have not always done
 * so.
 *
 * Which flags the kernel sets itself is learned from the newest tree
 * (data/cpuid-facts "synthetic" records: its Linux-defined words, less
 * what scattered.c reads from CPUID and what KVM translates).  A flag of
 * that list whose #define here lands in a kernel word with a CPUID place,
 * and that this tree does not translate, is reported at its #define, by
 * the unit that holds KVM's capability setup (once per build).
 *
 * The same holds for a feature the newest kernel scatters from a known
 * CPUID place ("scattered" records, from scattered.c): defined here in a
 * kernel word with a CPUID place, it must be at that place, or KVM hands
 * it to guests at a bit that means something else (5.10's backport of
 * TSA_SQ_NO at bit 11 of its 0x80000021.ECX word is this, bit 1 is right).
 */
#include "cpuidcheck.h"

#define CHECK "cpuid-synthetic"

static bool judged;

static bool translated(long number)
{
	int i;

	for (i = 0; i < model.nr_translate; i++)
		if (model.translate_from[i] == number)
			return true;
	return false;
}

/* A kernel word with a CPUID place that X86_FEATURE_@short is defined in. */
static cpp_hashnode *mapped_definition(const char *short_name, long *number,
				       struct cpuid_place *p)
{
	char name[64];
	cpp_hashnode *node;

	snprintf(name, sizeof(name), "X86_FEATURE_%s", short_name);
	node = cpp_lookup(parse_in, (const unsigned char *)name, strlen(name));
	if (!compat_user_macro_p(node) || !node->value.macro ||
	    !model_eval_macro(name, number) || *number < 0 ||
	    !model_word_is_kernel(*number / 32) ||
	    !model_place_of(*number, p))
		return NULL;
	return node;
}

static void judge_synthetic(const char *short_name)
{
	char place[64], reg[64];
	struct finding_record f = {
		.check = CHECK, .place = place,
		.fix = "move it to a Linux-defined word (CPUID_LNX_*), and translate it in __feature_translate() if KVM must advertise it",
	};
	struct cpuid_place p;
	cpp_hashnode *node;
	const char *name;
	long number;

	node = mapped_definition(short_name, &number, &p);
	if (!node || translated(number))
		return;
	name = (const char *)NODE_NAME(node);
	format_place(place, sizeof(place), &p);
	p.bit = -1;
	format_place(reg, sizeof(reg), &p);
	f.subject = f.feature = name;
	report(compat_macro_line(node), &f,
	       "%s is a flag the kernel sets itself (Linux-defined in the newest kernel), but it is defined in word %s, which KVM maps to %s, so it is %s: KVM treats the word as that register, bit for bit, and hands the flag to guests as that CPUID bit, and code that fills the word from the CPU (get_cpu_cap()) reads that bit into the flag",
	       name, model_word_name(number / 32), reg, place);
}

static void judge_scattered(const struct scattered_fact *f)
{
	char place[64], real[64], reg[64], fix[256];
	struct finding_record r = {
		.check = CHECK, .place = real, .expected = real, .fix = fix,
	};
	struct cpuid_place p;
	cpp_hashnode *node;
	const char *name;
	long number;
	int k;

	node = mapped_definition(f->name, &number, &p);
	if (!node)
		return;
	for (k = 0; k < f->nr_places; k++)
		if (place_equal(&p, &f->place[k]))
			return;
	name = (const char *)NODE_NAME(node);
	format_place(place, sizeof(place), &p);
	format_place(real, sizeof(real), &f->place[0]);
	p.bit = -1;
	format_place(reg, sizeof(reg), &p);
	snprintf(fix, sizeof(fix),
		 "define it at bit %d of the word for %s, or keep it in a Linux-defined word and translate it in __feature_translate()",
		 f->place[0].bit, real);
	r.subject = r.feature = name;
	report(compat_macro_line(node), &r,
	       "%s is %s (the newest kernel's scattered.c reads it there), but it is defined in word %s, which KVM maps to %s, so it is %s: KVM hands it to guests at a bit that means something else, and a guest looking at %s does not see it",
	       name, real, model_word_name(number / 32), reg, place, real);
}

static void synthetic_on_lists(struct cap_lists *lists, tree fndecl)
{
	int i;

	if (judged)
		return;
	judged = true;
	for (i = 0; i < facts.nr_synthetic; i++)
		judge_synthetic(facts.synthetic[i]);
	for (i = 0; i < facts.nr_scattered; i++)
		judge_scattered(&facts.scattered[i]);
}

struct cpuidcheck_check check_synthetic = {
	.name		= CHECK,
	.on_lists	= synthetic_on_lists,
};
