// SPDX-License-Identifier: GPL-2.0
/*
 * The questions the judge asks of a CPUID model (judge.h): where a feature
 * lives, what a word is called, which feature a bit is.  The model is
 * plain data an engine filled; nothing here learns.
 */
#include <string.h>

#include "judge.h"

long cpuid_model_translate(const struct cpuid_model *m, long number)
{
	int i;

	for (i = 0; i < m->nr_translate; i++)
		if (m->translate_from[i] == number)
			return m->translate_to[i];
	return number;
}

static bool word_place(const struct cpuid_model *m, int word,
		       struct cpuid_place *place)
{
	const struct cpuid_word *w;

	if (word < 0 || word >= MAX_WORDS)
		return false;
	w = &m->word[word];
	if (!w->has_place || !w->name)
		return false;
	*place = w->place;
	return true;
}

/* Where a feature (a KVM number, i.e. after translation) really lives. */
bool cpuid_model_place_of(const struct cpuid_model *m, long number,
			  struct cpuid_place *place)
{
	if (number < 0 || !word_place(m, number / 32, place))
		return false;
	place->bit = number % 32;
	return true;
}

const char *cpuid_model_word_name(const struct cpuid_model *m, int word)
{
	if (word < 0 || word >= MAX_WORDS || !m->word[word].name)
		return "?";
	return m->word[word].name;
}

int cpuid_model_word_by_name(const struct cpuid_model *m, const char *name)
{
	int w;

	for (w = 0; w < m->nr_words; w++)
		if (m->word[w].name && !strcmp(m->word[w].name, name))
			return w;
	return -1;
}

int cpuid_model_word_of_place(const struct cpuid_model *m,
			      const struct cpuid_place *place)
{
	struct cpuid_place p;
	int w;

	for (w = 0; w < m->nr_words; w++)
		if (word_place(m, w, &p) && p.function == place->function &&
		    p.index == place->index && p.reg == place->reg)
			return w;
	return -1;
}

/* The name a person writes for feature @number (before translation). */
const char *cpuid_model_feature_name(const struct cpuid_model *m,
				     long number)
{
	const char *kvm_name = NULL;
	int i;

	for (i = 0; i < m->nr_features; i++) {
		if (m->features[i].number != number)
			continue;
		if (!strncmp(m->features[i].name, "X86_FEATURE_", 12))
			return m->features[i].name;
		kvm_name = kvm_name ? kvm_name : m->features[i].name;
	}
	return kvm_name;
}

/* Feature @number as written: its name and its place, if both are known. */
const char *cpuid_model_feature(const struct cpuid_model *m, long number,
				struct cpuid_place *place)
{
	const char *name = cpuid_model_feature_name(m, number);

	if (!name ||
	    !cpuid_model_place_of(m, cpuid_model_translate(m, number), place))
		return NULL;
	return name;
}

bool cpuid_model_feature_number(const struct cpuid_model *m,
				const char *name, long *number)
{
	int i;

	for (i = 0; i < m->nr_features; i++)
		if (!strcmp(m->features[i].name, name)) {
			*number = m->features[i].number;
			return true;
		}
	return false;
}

/* The feature KVM means by bit @bit of word @word, if it has a name. */
const char *cpuid_model_feature_at(const struct cpuid_model *m, int word,
				   int bit)
{
	long number = (long)word * 32 + bit;
	const char *name = cpuid_model_feature_name(m, number);
	int i;

	if (name && strncmp(name, "KVM_", 4))
		return name;
	/* a scattered kernel feature that translates to this bit */
	for (i = 0; i < m->nr_translate; i++)
		if (m->translate_to[i] == number)
			return cpuid_model_feature_name(m,
							m->translate_from[i]);
	return name;
}

/* "X86_FEATURE_SMEP" -> "SMEP", as written inside F() */
const char *feature_short_name(const char *name)
{
	if (!strncmp(name, "X86_FEATURE_", 12))
		return name + 12;
	if (!strncmp(name, "KVM_X86_FEATURE_", 16))
		return name + 16;
	return name;
}

/* The wrappers for AMD's 0x1.EDX aliases: 7.x's and v2 of the series'. */
static const char *const alias_wrappers[] = { "ALIASED_1_EDX_F", "AF" };

bool is_alias_wrapper(const char *name)
{
	size_t i;

	for (i = 0; name && i < ARRAY_SIZE(alias_wrappers); i++)
		if (!strcmp(name, alias_wrappers[i]))
			return true;
	return false;
}

/* The unit's alias wrapper, given which macros it defines. */
const char *cpuid_model_alias_wrapper(bool (*defined)(void *ctx,
						      const char *name),
				      void *ctx)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(alias_wrappers); i++)
		if (defined(ctx, alias_wrappers[i]))
			return alias_wrappers[i];
	return NULL;
}
