// SPDX-License-Identifier: GPL-2.0
/*
 * The facts the plugin judges with: data/cpuid-facts, embedded at build
 * time (facts.inc), or a replacement named by facts=FILE.  judge/facts.c
 * parses them, as for every engine.
 */
#include "cpuidcheck.h"

static const char embedded_facts[] =
#include "facts.inc"
	;

bool facts_load_text(const char *text, const char *origin)
{
	int bad = facts_parse(text);

	if (bad)
		error("cpuidcheck: %s:%d: malformed facts record", origin, bad);
	return !bad;
}

bool facts_load_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *text;
	long len;
	bool ok;

	if (!f) {
		error("cpuidcheck: cannot read facts file %qs: %m", path);
		return false;
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	text = XNEWVEC(char, len + 1);
	len = fread(text, 1, len, f);
	text[len] = '\0';
	fclose(f);
	ok = facts_load_text(text, path);
	free(text);
	return ok;
}

bool facts_load_embedded(void)
{
	return facts_load_text(embedded_facts, "data/cpuid-facts");
}
