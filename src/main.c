// SPDX-License-Identifier: GPL-2.0
/*
 * cpuidcheck: static checks for KVM x86's CPUID handling.
 *
 *   cpuidcheck [options] [KSRC]            tree mode
 *   cpuidcheck $(CHECKFLAGS) $(c_flags) F.c  kbuild's C=1/C=2 checker
 *   cpuidcheck --patch FILE|- [KSRC]       pre-submit check of a patch
 *   cpuidcheck --git RANGE [KSRC]          ... of a git range
 *   cpuidcheck --install-hook [KSRC]       git sendemail-validate hook
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpuidcheck.h"

#ifndef VERSION
#define VERSION "0.1"
#endif

static const char usage_text[] =
"usage: cpuidcheck [options] [KSRC]\n"
"       cpuidcheck --patch FILE|- [options] [KSRC]\n"
"       cpuidcheck --git RANGE [options] [KSRC]\n"
"       cpuidcheck --install-hook [KSRC]\n"
"       make C=1 CHECK=cpuidcheck ...   (kbuild's checker hook)\n"
"options:\n"
"  --format=text|json|sarif|checkpatch|terse   output format (default\n"
"                     text; checkpatch for --patch/--git; terse: one line\n"
"                     a finding and no summary, for b4 prep --check)\n"
"  --engine=plugin|cocci|both            engine (default plugin)\n"
"  --build=DIR        use this configured kernel build for the commands\n"
"  --suppress=FILE    acknowledged findings (CHECK SUBJECT [why] lines)\n"
"  --disable=CHECKS   comma-separated checks not to run\n"
"  --no-config        ignore KSRC/.cpuidcheck\n"
"  --rebuild          redo the cached scratch build\n"
"  --error            checker mode: findings fail the build\n"
"  --sparse           checker mode: run sparse too (if it passes the probe)\n"
"  --plugin=SO        the GCC plugin to use\n"
"  -j N, --jobs=N     parallel compiles (default: the number of CPUs)\n"
"  -h, --help         this text;  --version  the version\n"
"see cpuidcheck(1)\n";

void usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", prog);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, " (see cpuidcheck --help)\n");
	exit(EXIT_TROUBLE);
}

/* "--name=value" or "--name value": true and *@v set if argv[*i] is it */
bool opt(const char *name, int argc, char **argv, int *i,
		const char **v)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	*v = NULL;
	if (!strncmp(a, name, n) && a[n] == '=')
		*v = a + n + 1;
	else if (!strcmp(a, name)) {
		if (*i + 1 >= argc)
			usage_error("option %s needs a value", name);
		*v = argv[++*i];
	}
	return *v != NULL;
}

int main(int argc, char **argv)
{
	struct options o = { .engine = "plugin", .format = FMT_TEXT };
	const char *patch = NULL, *range = NULL, *v, *e;
	bool hook = false, sparse = false;
	struct findings fs = { 0 };
	char *ksrc;
	int i, failed;

	e = getenv("CPUIDCHECK_CC");
	o.cc = e && *e ? e : DEFAULT_CC;
	e = getenv("CPUIDCHECK_ERROR");
	if (e && !strcmp(e, "1"))
		o.error = true;
	/* a hook (sendemail-validate, b4) runs us without our options */
	e = getenv("CPUIDCHECK_BUILD");
	if (e && *e)
		o.build = e;
	if (argc > 1 && (!strcmp(argv[1], "map") ||
			 !strcmp(argv[1], "review") ||
			 !strcmp(argv[1], "records") ||
			 !strcmp(argv[1], "merge")))
		return review_main(&o, argc - 1, argv + 1);
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
			fputs(usage_text, stdout);
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
		} else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			verbose = true;
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
	if (o.ksrc && access(o.ksrc, F_OK))
		die("%s: no such file or directory", o.ksrc);
	if (hook)
		return install_hook(o.ksrc ? o.ksrc : ".");
	if (patch || range)
		return patch_main(&o, patch, range);

	ksrc = tree_root(o.ksrc ? o.ksrc : ".");
	load_tree_config(&o, ksrc);
	failed = check_tree(&o, ksrc, NULL, &fs, "it does not compile");
	print_findings(stdout, &fs, o.format, NULL, 0);
	if (o.format == FMT_JSON || o.format == FMT_SARIF)
		print_summary(stderr, &fs);
	free(ksrc);
	if (failed) {
		note("%d unit%s not checked: the result is incomplete",
		     failed, failed == 1 ? " was" : "s were");
		return EXIT_TROUBLE;
	}
	return fs.n ? EXIT_FINDINGS : EXIT_CLEAN;
}
