// SPDX-License-Identifier: GPL-2.0
/*
 * The architectural facts the kernel does not encode: AMD's alias sets, the
 * CR4 table, which CPUID functions take a sub-leaf, and the rules learned
 * from the newest tree.  They live in data/cpuid-facts, the one copy every
 * engine reads; this is its one parser.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "judge.h"


struct cpuid_facts facts;

static int parse_reg(const char *s)
{
	static const char *const names[NR_ARCH_REGS] = {
		"EAX", "EBX", "ECX", "EDX"
	};
	int i;

	for (i = 0; i < NR_ARCH_REGS; i++)
		if (!strncasecmp(s, names[i], 3))
			return i;
	return -1;
}

/* FUNCTION.INDEX.REG[BIT], e.g. 0x80000001.0.EDX[3] */
static bool parse_place(const char *s, struct cpuid_place *p)
{
	char *end;

	p->function = strtoul(s, &end, 16);
	if (*end != '.')
		return false;
	p->index = strtoul(end + 1, &end, 0);
	if (*end != '.')
		return false;
	p->reg = parse_reg(end + 1);
	if (p->reg < 0)
		return false;
	end += 4;
	p->bit = -1;
	if (*end == '[') {
		p->bit = strtol(end + 1, &end, 10);
		if (*end != ']' || p->bit < 0 || p->bit > 31)
			return false;
		end++;
	}
	return *end == '\0';
}

static bool parse_gates(char *s, struct cr4_fact *c)
{
	char *gate, *save = NULL;

	c->nr_gates = 0;
	if (!strcmp(s, "-"))
		return true;
	for (gate = strtok_r(s, "|", &save); gate;
	     gate = strtok_r(NULL, "|", &save)) {
		char *at = strchr(gate, '@');

		if (!at || c->nr_gates == MAX_CR4_GATES ||
		    (size_t)(at - gate) >= sizeof(c->gate[0].feature))
			return false;
		*at = '\0';
		snprintf(c->gate[c->nr_gates].feature,
			 sizeof(c->gate[0].feature), "%s", gate);
		if (!parse_place(at + 1, &c->gate[c->nr_gates].place))
			return false;
		c->nr_gates++;
	}
	return true;
}

/* "KIND NAME..." into @names */
static bool parse_names(char **f, int n, char (*names)[32], int *nr,
			int max)
{
	int i;

	for (i = 1; i < n; i++) {
		if (*nr == max || strlen(f[i]) >= 32)
			return false;
		snprintf(names[(*nr)++], 32, "%s", f[i]);
	}
	return n > 1;
}

/* runtime NAME MIRRORS stale|current advertised|never */
static bool parse_runtime(char **f, int n)
{
	struct runtime_fact *r = &facts.runtime[facts.nr_runtime];

	if (n != 5 || facts.nr_runtime == (int)ARRAY_SIZE(facts.runtime) ||
	    strlen(f[1]) >= sizeof(r->name) ||
	    strlen(f[2]) >= sizeof(r->mirrors) ||
	    (strcmp(f[3], "stale") && strcmp(f[3], "current")) ||
	    (strcmp(f[4], "advertised") && strcmp(f[4], "never")))
		return false;
	snprintf(r->name, sizeof(r->name), "%s", f[1]);
	snprintf(r->mirrors, sizeof(r->mirrors), "%s", f[2]);
	r->cache_stale = !strcmp(f[3], "stale");
	r->advertised = !strcmp(f[4], "advertised");
	facts.nr_runtime++;
	return true;
}

/* scattered NAME PLACE [PLACE] */
static bool parse_scattered(char **f, int n)
{
	struct scattered_fact *c = &facts.scattered[facts.nr_scattered];
	int i;

	if (n < 3 || n > 4 ||
	    facts.nr_scattered == (int)ARRAY_SIZE(facts.scattered) ||
	    strlen(f[1]) >= sizeof(c->name))
		return false;
	snprintf(c->name, sizeof(c->name), "%s", f[1]);
	for (i = 2; i < n; i++)
		if (!parse_place(f[i], &c->place[i - 2]) ||
		    c->place[i - 2].bit < 0)
			return false;
	c->nr_places = n - 2;
	facts.nr_scattered++;
	return true;
}

static bool parse_line(char *line)
{
	char *f[24], *save = NULL, *tok;
	int n = 0;

	for (tok = strtok_r(line, " \t", &save); tok && n < 24;
	     tok = strtok_r(NULL, " \t", &save))
		f[n++] = tok;
	if (!n)
		return true;
	if (!strcmp(f[0], "synthetic"))
		return parse_names(f, n, facts.synthetic, &facts.nr_synthetic,
				   MAX_NAMED_FACTS);
	if (!strcmp(f[0], "x86-64-only"))
		return parse_names(f, n, facts.x86_64_only,
				   &facts.nr_x86_64_only,
				   ARRAY_SIZE(facts.x86_64_only));
	if (!strcmp(f[0], "runtime"))
		return parse_runtime(f, n);
	if (!strcmp(f[0], "scattered"))
		return parse_scattered(f, n);

	if (!strcmp(f[0], "indexed")) {
		int i;

		for (i = 1; i < n; i++) {
			if (facts.nr_indexed == (int)ARRAY_SIZE(facts.indexed))
				return false;
			facts.indexed[facts.nr_indexed++] =
				strtoul(f[i], NULL, 16);
		}
		return true;
	}
	if (!strcmp(f[0], "alias") && n == 4) {
		struct alias_fact *a = &facts.alias[facts.nr_alias];

		if (facts.nr_alias == (int)ARRAY_SIZE(facts.alias) ||
		    strlen(f[3]) >= sizeof(a->name) ||
		    !parse_place(f[1], &a->alias) ||
		    !parse_place(f[2], &a->original) ||
		    a->alias.bit < 0 || a->original.bit < 0)
			return false;
		snprintf(a->name, sizeof(a->name), "%s", f[3]);
		facts.nr_alias++;
		return true;
	}
	if (!strcmp(f[0], "cr4") && n == 4) {
		struct cr4_fact *c = &facts.cr4[facts.nr_cr4];

		if (facts.nr_cr4 == (int)ARRAY_SIZE(facts.cr4) ||
		    strlen(f[2]) >= sizeof(c->name))
			return false;
		c->bit = atoi(f[1]);
		snprintf(c->name, sizeof(c->name), "%s", f[2]);
		if (!parse_gates(f[3], c))
			return false;
		facts.nr_cr4++;
		return true;
	}
	return false;
}

int facts_parse(const char *text)
{
	size_t len = strlen(text);
	char *copy = (char *)malloc(len + 1), *line, *save = NULL;
	int lineno = 0, bad = 0;

	memset(&facts, 0, sizeof(facts));
	if (!copy)
		return -1;
	memcpy(copy, text, len + 1);
	for (line = copy; line && !bad; line = save) {
		char *hash;

		save = strchr(line, '\n');
		if (save)
			*save++ = '\0';
		lineno++;
		hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		if (!parse_line(line))
			bad = lineno;
	}
	free(copy);
	return bad;
}

bool facts_function_indexed(unsigned int function)
{
	int i;

	for (i = 0; i < facts.nr_indexed; i++)
		if (facts.indexed[i] == function)
			return true;
	return false;
}

bool place_equal(const struct cpuid_place *a, const struct cpuid_place *b)
{
	return a->function == b->function && a->index == b->index &&
	       a->reg == b->reg && a->bit == b->bit;
}

/* The alias fact whose alias is @alias (a place with a bit), if any. */
const struct alias_fact *facts_alias_of(const struct cpuid_place *alias)
{
	int i;

	for (i = 0; i < facts.nr_alias; i++)
		if (place_equal(&facts.alias[i].alias, alias))
			return &facts.alias[i];
	return NULL;
}

/* @feature: the kernel name without X86_FEATURE_ */
const struct runtime_fact *facts_runtime(const char *feature)
{
	int i;

	for (i = 0; i < facts.nr_runtime; i++)
		if (!strcmp(facts.runtime[i].name, feature))
			return &facts.runtime[i];
	return NULL;
}

static bool named(const char (*names)[32], int n, const char *feature)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(names[i], feature))
			return true;
	return false;
}

const struct cr4_fact *fact_of_bit(int bit)
{
	int i;

	for (i = 0; i < facts.nr_cr4; i++)
		if (facts.cr4[i].bit == bit)
			return &facts.cr4[i];
	return NULL;
}

bool facts_synthetic(const char *feature)
{
	return named(facts.synthetic, facts.nr_synthetic, feature);
}

bool facts_x86_64_only(const char *feature)
{
	return named(facts.x86_64_only, facts.nr_x86_64_only, feature);
}
