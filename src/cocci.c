// SPDX-License-Identifier: GPL-2.0
/*
 * The Coccinelle engine (--engine=cocci|both): semantic-patches'
 * cpuidcheck-cocci driver over the tree's arch/x86/kvm, its report lines
 * read as findings.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpuidcheck.h"

void run_cocci(const struct options *o, const char *ksrc,
	       const struct overlay *ov, struct findings *fs)
{
	char *sp = find_part("semantic-patches/cpuidcheck-cocci",
			     "share/cpuidcheck/semantic-patches/cpuidcheck-cocci");
	char *out, *line, *save = NULL, *jobs, *env[3], *tmp;
	const char *root = ov ? ov->dir : ksrc;
	struct run r = { .cwd = root, .env = env, .err = "/dev/stdout" };
	int status;

	if (!sp || access(sp, X_OK))
		die("--engine=cocci: the Coccinelle engine (semantic-patches/cpuidcheck-cocci) is not available");
	if (!have_program("spatch"))
		die("--engine=cocci: spatch (Coccinelle) is not installed");
	/* its temporary files go to the cache too, not /tmp */
	tmp = scratch_dir("cocci");
	env[0] = xasprintf("CPUIDCHECK_TREE=%s", ksrc);
	env[1] = xasprintf("TMPDIR=%s", tmp);
	env[2] = NULL;
	jobs = xasprintf("%d", jobs_of(o));
	out = capture_cmd(&r, &status, sp, "-j", jobs, "arch/x86/kvm", NULL);
	free(jobs);
	free(env[0]);
	free(env[1]);
	scratch_done(tmp);
	free(tmp);
	if (status)
		die("--engine=cocci: %s failed (exit %d)", sp, status);
	for (line = strtok_r(out, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		struct finding f;
		struct sbuf b = { 0 };
		char *p = strchr(line, ':'), *c, *e;

		/* file:line:col-col: message [tag] -> GCC style */
		if (!p)
			continue;
		c = strchr(p + 1, ':');
		if (!c)
			continue;
		e = c + 1 + strspn(c + 1, "0123456789");
		sb_add(&b, line, e - line);
		if (*e == '-')
			e += 1 + strspn(e + 1, "0123456789");
		if (*e != ':') {
			free(b.s);
			continue;
		}
		sb_printf(&b, ": warning:%s", e + 1);
		if (parse_finding_line(b.s, &f)) {
			char *rel = tree_relative(f.file, root, root, NULL);

			if (f.column == 0)
				f.column = 1;
			else
				f.column++;
			free(f.file);
			f.file = rel;
			if (strstr(o->disable, f.check))
				finding_free(&f);
			else
				findings_add(fs, &f);
		}
		free(b.s);
	}
	free(out);
	free(sp);
}
