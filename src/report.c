// SPDX-License-Identifier: GPL-2.0
/*
 * The commands that print a set of findings:
 *
 *   cpuidcheck [KSRC]           the tree's, checked now
 *   cpuidcheck report [LOG|-]   the finding lines of a build log (the
 *                               plugin's, or checker mode's under make
 *                               C=1/C=2), as tree mode prints them
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

/* The findings of the log @in ("-": stdin), under the tree @tree. */
int report_main(enum format fmt, const char *in, const char *tree)
{
	struct findings fs = { 0 };
	struct output out = { .format = fmt };
	char *line = NULL, *root;
	size_t cap = 0;
	FILE *f;

	if (tree && !is_dir(tree))
		die("%s: no such directory", tree);
	f = strcmp(in, "-") ? fopen(in, "r") : stdin;
	if (!f)
		die("%s: cannot read it", in);
	root = realpath(tree ? tree : ".", NULL);
	while (getline(&line, &cap, f) >= 0) {
		struct finding fd;
		int n;

		if (sscanf(line, "cpuidcheck: note: %d finding", &n) == 1) {
			fs.suppressed += n;
			continue;
		}
		if (!parse_finding_line(line, &fd))
			continue;
		/* paths under the tree become relative to it, as in SARIF */
		if (root && starts_with(fd.file, root) &&
		    fd.file[strlen(root)] == '/') {
			char *rel = xstrdup(fd.file + strlen(root) + 1);

			free(fd.file);
			fd.file = rel;
		}
		while (starts_with(fd.file, "./"))
			memmove(fd.file, fd.file + 2, strlen(fd.file + 1));
		findings_add(&fs, &fd);
	}
	if (f != stdin)
		fclose(f);
	free(line);
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
