// SPDX-License-Identifier: GPL-2.0
/*
 * cpuidcheck: static checks for KVM x86's CPUID handling.
 *
 *   cpuidcheck [options] [KSRC]            tree mode
 *   cpuidcheck $(CHECKFLAGS) $(c_flags) F.c  kbuild's C=1/C=2 checker
 *   cpuidcheck --patch FILE|- [KSRC]       pre-submit check of a patch
 *   cpuidcheck --git RANGE [KSRC]          ... of a git range
 *   cpuidcheck --install-hook [KSRC]       git sendemail-validate hook
 *   cpuidcheck map|review ...              review.c
 *   cpuidcheck report [RECDIR], merge RECDIR  report.c
 *
 * Here the options are parsed; each command's work is done in its file.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checks.h"
#include "cpuidcheck.h"

#ifndef VERSION
#define VERSION "0.1"
#endif

/*
 * Every command and option, for --help; tests/program/docs-test checks
 * that the man page and the README describe exactly these and that the
 * parsers below accept each option.
 */
static const char *const command_docs[] = {
	"cpuidcheck [options] [KSRC]                tree mode: check a kernel tree",
	"cpuidcheck --patch FILE|- [options] [KSRC]  a patch (mail, mbox, diff)",
	"cpuidcheck --git RANGE [options] [KSRC]     the commits of a git range",
	"cpuidcheck --install-hook [KSRC]           git's sendemail-validate hook",
	"cpuidcheck map [--format=text|json|html] [--link=URL [--rev=REV]] [KSRC]",
	"cpuidcheck review --trees OLD NEW          what changed between trees",
	"cpuidcheck review BASE..HEAD [KSRC]        ... per commit of a range",
	"cpuidcheck review --mbox FILE|- [KSRC]     ... per patch of a series",
	"cpuidcheck merge RECDIR                    cpuid-undeclared over records",
	"cpuidcheck report [--format=F] [--tree=KSRC] [RECDIR|FILE|-]",
	"make C=1|2 CHECK=cpuidcheck ...            checker mode (kbuild's hook)",
};

static const struct opt_doc {
	const char *name;	/* as typed; "-j N, --jobs=N" style for two */
	const char *help;
} opt_docs[] = {
	{ "--format=text|json|sarif|checkpatch|terse",
	  "output format (default text; checkpatch for --patch/--git; terse: a line a finding, no summary, for b4 prep --check); map: text|json|html; review: text|json|b4|reply (to paste into a reply: per patch, quoted lines, each finding under its line)" },
	{ "--engine=plugin|cocci|both", "engine (default plugin)" },
	{ "--build=DIR", "use this configured kernel build's commands" },
	{ "--suppress=FILE", "acknowledged findings (CHECK SUBJECT [why] lines)" },
	{ "--disable=CHECKS", "comma-separated checks not to run (below)" },
	{ "--no-config", "ignore KSRC/.cpuidcheck" },
	{ "--rebuild", "redo the cached scratch build and every unit's result" },
	{ "--strict", "--patch: a patch that cannot be checked (it needs patches this tree lacks) is an error, not a note" },
	{ "--plugin=SO", "the GCC plugin to use" },
	{ "-j N, --jobs=N", "parallel compiles (default: the number of CPUs)" },
	{ "--patch=FILE|-", "check a patch before sending it" },
	{ "--git=RANGE", "check the commits of a git range" },
	{ "--strict", "patch mode: a patch that cannot be checked (it needs patches this tree lacks) is exit 2, not a note and exit 0" },
	{ "--install-hook", "install git's sendemail-validate hook" },
	{ "--error", "checker mode: findings fail the build" },
	{ "--sparse", "checker mode: run sparse too (if it passes the probe)" },
	{ "--checker", "checker mode, whatever the other arguments look like" },
	{ "--trees", "review: OLD NEW are two trees" },
	{ "--mbox=FILE|-", "review: the patches of a series, per patch" },
	{ "--link=URL", "map: sites as addresses, URL with {path}, {line}, {rev}" },
	{ "--rev=REV", "map: what {rev} of --link stands for" },
	{ "--tree=KSRC", "report: the tree the records' paths are in" },
	{ "-h, --help", "this text" },
	{ "--version", "the version" },
};

static void print_usage(FILE *out)
{
	size_t i;
	int c;

	for (i = 0; i < ARRAY_SIZE(command_docs); i++)
		fprintf(out, "%s %s\n", i ? "      " : "usage:",
			command_docs[i]);
	fputs("options:\n", out);
	for (i = 0; i < ARRAY_SIZE(opt_docs); i++) {
		const char *h = opt_docs[i].help;
		int col = fprintf(out, "  %s", opt_docs[i].name);

		/* the help from column 22 (or a line of its own), to 79 */
		if (col > 21) {
			fputc('\n', out);
			col = 0;
		}
		fprintf(out, "%*s", 22 - col, "");
		while (*h) {
			size_t n = strlen(h);

			if (n > 57) {
				n = 57;
				while (n && h[n] != ' ')
					n--;
				if (!n)
					n = 57;
			}
			fprintf(out, "%.*s\n", (int)n, h);
			h += n;
			while (*h == ' ')
				h++;
			if (*h)
				fprintf(out, "%22s", "");
		}
	}
	fputs("checks (--disable, suppressions; docs/checks.md):\n", out);
	for (c = 0; c < checks_count(); c++)
		fprintf(out, "  %s\n%6s%s\n", check_nth(c)->name, "",
			check_nth(c)->summary);
	fputs("see cpuidcheck(1)\n", out);
}

/*
 * cpuidcheck report [--format=F] [--tree=KSRC] [RECDIR|FILE|-]: the
 * findings the plugin recorded, in any output format.
 */
static int report_args(int argc, char **argv)
{
	enum format fmt = FMT_TEXT;
	const char *v, *in = "-", *tree = NULL;
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			print_usage(stdout);
			return 0;
		} else if (opt("--format", argc, argv, &i, &v)) {
			if (parse_format(v) < 0)
				usage_error("unknown format '%s'", v);
			fmt = parse_format(v);
		} else if (opt("--tree", argc, argv, &i, &v)) {
			tree = v;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			usage_error("unknown option '%s'", argv[i]);
		} else {
			in = argv[i];
		}
	}
	return report_main(fmt, in, tree);
}

static const char review_usage[] =
"usage: cpuidcheck map [--format=text|json|html] [--link=URL --rev=REV] [KSRC]\n"
"       cpuidcheck review --trees OLD NEW [--format=text|json|b4|reply]\n"
"       cpuidcheck review BASE..HEAD [KSRC] [--format=text|json|b4|reply]\n"
"       cpuidcheck review --mbox FILE|- [KSRC] [--format=text|json|b4|reply]\n";

/* cpuidcheck map|review|merge ... */
static int review_args(struct options *o, int argc, char **argv)
{
	const char *cmd = argv[0], *v, *mbox = NULL, *args[3];
	bool trees = false;
	int i, nargs = 0;
	char *ksrc;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(review_usage, stdout);
			return 0;
		} else if (opt("--format", argc, argv, &i, &v)) {
			if (!strcmp(v, "html") && !strcmp(cmd, "map"))
				o->format = FMT_HTML;
			else if (!strcmp(v, "b4") && !strcmp(cmd, "review"))
				o->format = FMT_B4;
			else if (!strcmp(v, "reply") && !strcmp(cmd, "review"))
				o->reply = true;
			else if (!strcmp(v, "json") || !strcmp(v, "text"))
				o->format = parse_format(v);
			else
				usage_error("unknown format '%s' here", v);
		} else if (opt("--mbox", argc, argv, &i, &v)) {
			mbox = v;
		} else if (opt("--link", argc, argv, &i, &v)) {
			if (!strstr(v, "{path}") || !strstr(v, "{line}"))
				usage_error("--link '%s' wants {path} and {line}",
					    v);
			o->link = v;
		} else if (opt("--rev", argc, argv, &i, &v)) {
			o->link_rev = v;
		} else if (opt("--plugin", argc, argv, &i, &v)) {
			o->plugin = v;
		} else if (opt("--jobs", argc, argv, &i, &v) ||
			   opt("-j", argc, argv, &i, &v)) {
			o->jobs = atoi(v);
		} else if (!strcmp(argv[i], "--trees")) {
			trees = true;
		} else if (!strcmp(argv[i], "--no-config")) {
			o->no_config = true;
		} else if (!strcmp(argv[i], "--rebuild")) {
			o->rebuild = true;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			usage_error("unknown option '%s'", argv[i]);
		} else if (nargs == 3) {
			usage_error("too many arguments ('%s')", argv[i]);
		} else {
			args[nargs++] = argv[i];
		}
	}
	for (i = 0; i < nargs; i++)
		if (access(args[i], F_OK) && !strstr(args[i], ".."))
			die("%s: no such file or directory", args[i]);
	if (!strcmp(cmd, "merge")) {
		/* cpuidcheck merge RECDIR: cpuid-undeclared over the records */
		if (nargs != 1)
			usage_error("merge wants one directory of .rec files%s",
				    "");
		return merge_main(args[0]);
	}
	if (!strcmp(cmd, "map")) {
		if (nargs > 1)
			usage_error("map takes one tree, not '%s'", args[1]);
		ksrc = tree_root(nargs ? args[0] : ".");
		load_tree_config(o, ksrc);
		if (o->link && strstr(o->link, "{rev}") && !o->link_rev)
			usage_error("--link uses {rev}: give --rev%s", "");
		return map_main(o, ksrc);
	}
	if (trees) {
		if (nargs != 2 || mbox)
			usage_error("%s wants two trees: OLD NEW", "--trees");
		return review_trees(o, args[0], args[1]);
	}
	if (mbox) {
		ksrc = tree_root(nargs ? args[0] : ".");
		load_tree_config(o, ksrc);
		return review_mbox(o, ksrc, mbox);
	}
	if (!nargs || !strstr(args[0], ".."))
		usage_error("review wants BASE..HEAD, --mbox FILE or --trees OLD NEW%s",
			    "");
	ksrc = tree_root(nargs > 1 ? args[1] : ".");
	load_tree_config(o, ksrc);
	return review_range(o, ksrc, args[0]);
}

int main(int argc, char **argv)
{
	struct options o = { .engine = "plugin", .format = FMT_TEXT };
	const char *patch = NULL, *range = NULL, *v, *e;
	bool hook = false, sparse = false;
	int i;

	e = getenv("CPUIDCHECK_CC");
	o.cc = e && *e ? e : DEFAULT_CC;
	e = getenv("CPUIDCHECK_ERROR");
	if (e && !strcmp(e, "1"))
		o.error = true;
	/* a hook (sendemail-validate, b4) runs us without our options */
	e = getenv("CPUIDCHECK_BUILD");
	if (e && *e)
		o.build = e;
	if (argc > 1 && !strcmp(argv[1], "report"))
		return report_args(argc - 1, argv + 1);
	if (argc > 1 && (!strcmp(argv[1], "map") ||
			 !strcmp(argv[1], "review") ||
			 !strcmp(argv[1], "merge")))
		return review_args(&o, argc - 1, argv + 1);
	if (looks_like_kbuild_call(argc, argv)) {
		const char *plugin = NULL;

		for (i = 1; i < argc; i++) {
			if (!strcmp(argv[i], "--error"))
				o.error = true;
			else if (!strcmp(argv[i], "--sparse"))
				sparse = true;
			else if (starts_with(argv[i], "--plugin="))
				plugin = argv[i] + 9;
		}
		return checker_main(argc, argv, o.error, sparse, plugin);
	}
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			print_usage(stdout);
			return 0;
		} else if (!strcmp(a, "--version")) {
			printf("cpuidcheck %s\n", VERSION);
			return 0;
		} else if (opt("--format", argc, argv, &i, &v)) {
			if (parse_format(v) < 0)
				usage_error("unknown format '%s'", v);
			o.format = parse_format(v);
		} else if (opt("--engine", argc, argv, &i, &v)) {
			if (strcmp(v, "plugin") && strcmp(v, "cocci") &&
			    strcmp(v, "both"))
				usage_error("unknown engine '%s'", v);
			o.engine = v;
		} else if (opt("--build", argc, argv, &i, &v)) {
			o.build = v;
		} else if (opt("--plugin", argc, argv, &i, &v)) {
			o.plugin = v;
		} else if (opt("--suppress", argc, argv, &i, &v)) {
			if (o.nr_suppress == ARRAY_SIZE(o.suppress))
				usage_error("too many %s files", "--suppress");
			o.suppress[o.nr_suppress++] = v;
		} else if (opt("--disable", argc, argv, &i, &v)) {
			size_t l = strlen(o.disable);
			char *bad = checks_unknown(v);

			if (bad)
				usage_error("--disable: no check called '%s'",
					    bad);

			snprintf(o.disable + l, sizeof(o.disable) - l, "%s%s",
				 l ? "," : "", v);
		} else if (opt("--jobs", argc, argv, &i, &v) ||
			   opt("-j", argc, argv, &i, &v)) {
			o.jobs = atoi(v);
			if (o.jobs <= 0)
				usage_error("-j wants a positive number, not '%s'",
					    v);
		} else if (opt("--patch", argc, argv, &i, &v)) {
			patch = v;
		} else if (opt("--git", argc, argv, &i, &v)) {
			range = v;
		} else if (!strcmp(a, "--install-hook")) {
			hook = true;
		} else if (!strcmp(a, "--no-config")) {
			o.no_config = true;
		} else if (!strcmp(a, "--rebuild")) {
			o.rebuild = true;
		} else if (!strcmp(a, "--strict")) {
			o.strict = true;
		} else if (!strcmp(a, "--error")) {
			o.error = true;
		} else if (!strcmp(a, "--sparse")) {
			sparse = true;
		} else if (a[0] == '-' && a[1]) {
			usage_error("unknown option '%s'", a);
		} else if (o.ksrc) {
			usage_error("more than one tree given ('%s')", a);
		} else {
			o.ksrc = a;
		}
	}
	if (patch && range)
		usage_error("%s: give --patch or --git, not both", "--git");
	/* everything the run will read, before any build */
	for (i = 0; i < o.nr_suppress; i++)
		if (access(o.suppress[i], R_OK))
			die("--suppress %s: %s", o.suppress[i],
			    strerror(errno));
	if (o.build && !is_dir(o.build))
		die("--build %s: not a directory", o.build);
	if (o.plugin && access(o.plugin, R_OK))
		die("--plugin %s: %s", o.plugin, strerror(errno));
	if (strchr(o.cc, '/') ? access(o.cc, X_OK) : !have_program(o.cc))
		die("the compiler '%s' (CPUIDCHECK_CC) is not an executable",
		    printable(o.cc));
	if (o.ksrc && access(o.ksrc, F_OK))
		die("%s: no such file or directory", o.ksrc);
	if (hook)
		return install_hook(o.ksrc ? o.ksrc : ".");
	if (patch || range)
		return patch_main(&o, patch, range);
	return tree_main(&o);
}
