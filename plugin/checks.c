// SPDX-License-Identifier: GPL-2.0
/*
 * The list of checks, and the one pass over each function that feeds them.
 * A check is one file, check_NAME.c, defining one struct cpuidcheck_check,
 * and a CK(NAME) line in check_list.h.
 */
#include "cpuidcheck.h"

struct cpuidcheck_check *checks[] = {
#define CK(name)	(&check_##name),
#include "check_list.h"
#undef CK
	NULL,
};

/* The first enabled check at or after *@i, moving *@i to it. */
static struct cpuidcheck_check *next_enabled(int *i)
{
	while (checks[*i] && checks[*i]->disabled)
		(*i)++;
	return checks[*i];
}

#define for_each_enabled_check(c, i) \
	for (i = 0; (c = next_enabled(&i)); i++)

static tree current_function;

static void dispatch_call(struct cpuid_walk *w, tree call)
{
	struct cpuidcheck_check *c;
	int i;

	for_each_enabled_check(c, i)
		if (c->on_call)
			c->on_call(w, call);
	record_call(call, current_function);
}

static void dispatch_mask(struct cpuid_walk *w, tree expr,
			  const struct cpuid_read *read, tree mask, bool update)
{
	struct cpuidcheck_check *c;
	int i;

	for_each_enabled_check(c, i)
		if (c->on_mask)
			c->on_mask(w, expr, read, mask, update);
}

void run_checks(tree fndecl)
{
	struct cpuidcheck_check *c;
	struct cap_lists *lists;
	struct cpuid_walk w;
	int i;

	current_function = fndecl;
	for_each_enabled_check(c, i)
		if (c->begin_function)
			c->begin_function(fndecl);
	lists = cap_lists_scan(fndecl);
	if (lists) {
		for_each_enabled_check(c, i)
			if (c->on_lists)
				c->on_lists(lists, fndecl);
		record_lists(lists);
	}
	memset(&w, 0, sizeof(w));
	w.on_call = dispatch_call;
	w.on_mask = dispatch_mask;
	cpuid_walk_function(&w, fndecl);
	for_each_enabled_check(c, i)
		if (c->end_function)
			c->end_function(fndecl);
}

void checks_note_define(cpp_hashnode *node, location_t loc)
{
	struct cpuidcheck_check *c;
	int i;

	for_each_enabled_check(c, i)
		if (c->on_define)
			c->on_define(node, loc);
}

/* Print what the judge found, at the place a person wrote it. */
void report_judged(const struct judge_finding *f, location_t loc)
{
	report_record(loc, &f->rec);
}
