// SPDX-License-Identifier: GPL-2.0
/*
 * The commands that print a set of findings:
 *
 *   cpuidcheck [KSRC]           the tree's, checked now
 *   cpuidcheck report [RECORDS|-]  the findings the plugin recorded
 *                               (its record= option, or checker mode's
 *                               under make C=1/C=2), as tree mode
 *                               prints them
 *   cpuidcheck merge RECDIR     cpuid-undeclared over the records the
 *                               plugin's record= option wrote there
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpuidcheck.h"

/* cpuidcheck [options] [KSRC]: the findings of the tree */
int tree_main(struct options *o)
{
	struct findings fs = { 0 };
	struct output out = { .format = o->format };
	char *ksrc = tree_root(o->ksrc ? o->ksrc : ".");
	int failed;

	load_tree_config(o, ksrc);
	failed = check_tree(o, ksrc, NULL, &fs);
	if (failed)
		die("not checked: %s%s", check_failure(), failed == 1 ? "" :
		    xasprintf(" (and %d more units)", failed - 1));
	out.tree = ksrc;
	print_findings(stdout, &fs, &out);
	if (o->format == FMT_JSON || o->format == FMT_SARIF)
		print_summary(stderr, &fs);
	free(ksrc);
	return fs.n ? EXIT_FINDINGS : EXIT_CLEAN;
}

/*
 * The findings of the records in @in: a directory of the plugin's .rec
 * files (its record= option, or checker mode's $CPUIDCHECK_RECORDS), one
 * such file, or "-" for records on stdin; their files under @tree.
 */
int report_main(enum format fmt, const char *in, const char *tree)
{
	struct findings fs = { 0 };
	struct output out = { .format = fmt };
	char *rec, *root;
	int i;

	if (tree && !is_dir(tree))
		die("%s: no such directory", tree);
	/* read_file() reads "-" as stdin */
	rec = is_dir(in) ? read_records(in) : read_file(in, NULL);
	if (!rec)
		die("%s: cannot read it", in);
	findings_from_records(rec, &fs);
	free(rec);
	root = realpath(tree ? tree : ".", NULL);
	/* paths under the tree become relative to it, as in SARIF */
	for (i = 0; i < fs.n; i++) {
		struct finding *f = &fs.v[i];

		if (root && starts_with(f->file, root) &&
		    f->file[strlen(root)] == '/') {
			char *rel = xstrdup(f->file + strlen(root) + 1);

			free(f->file);
			f->file = rel;
		}
		while (starts_with(f->file, "./"))
			memmove(f->file, f->file + 2, strlen(f->file + 1));
	}
	findings_sort_unique(&fs);
	out.tree = root;
	print_findings(stdout, &fs, &out);
	return fs.n ? EXIT_FINDINGS : EXIT_CLEAN;
}

/* cpuid-undeclared over the records in @dir, the tree being here */
int merge_main(const char *dir)
{
	struct findings fs = { 0 };
	struct output out = { .format = FMT_TEXT };
	char *rec = read_records(dir);

	undeclared_check(rec, ".", NULL, &fs);
	findings_sort_unique(&fs);
	print_findings(stdout, &fs, &out);
	free(rec);
	return fs.n ? EXIT_FINDINGS : EXIT_CLEAN;
}
