// SPDX-License-Identifier: GPL-2.0
/*
 * One state of a tree checked: its units through the engines (tree.c's
 * plugin runner, cocci.c), then the checks across units over their
 * records (undeclared.c).
 */
#include <stdlib.h>
#include <string.h>

#include "cpuidcheck.h"

/*
 * Check @ksrc (with @ov's files standing in, if given).  Returns the
 * number of units that were not checked; check_failure() tells the first.
 */
int check_tree(struct options *o, const char *ksrc, const struct overlay *ov,
	       struct findings *fs)
{
	char *kvm = xasprintf("%s/arch/x86/kvm", ksrc);
	int failed = 0;

	if (!is_dir(kvm))
		die("%s: no arch/x86/kvm in this tree", ksrc);
	free(kvm);
	if (!strcmp(o->engine, "cocci") || !strcmp(o->engine, "both"))
		run_cocci(o, ksrc, ov, fs);
	if (!strcmp(o->engine, "plugin") || !strcmp(o->engine, "both")) {
		struct sbuf rec = { 0 }, *keep = o->records;

		if (!keep)
			o->records = &rec;
		failed = run_plugin(o, ksrc, ov, fs);
		if (!strstr(o->disable, "cpuid-undeclared") && o->records->s)
			undeclared_check(o->records->s, ksrc,
					 ov ? ov->dir : NULL, fs);
		o->records = keep;
		free(rec.s);
	}
	findings_sort_unique(fs);
	return failed;
}
