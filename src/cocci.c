// SPDX-License-Identifier: GPL-2.0
/*
 * The Coccinelle engine (--engine=cocci|both): semantic-patches'
 * cpuidcheck-cocci driver over the tree's arch/x86/kvm, its report lines
 * read as findings (file, line, column, check and message: what they
 * hold).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpuidcheck.h"

/*
 * coccicheck's report line, FILE:LINE:COL-COL: MESSAGE [CHECK] (COL
 * 0-based characters), as a finding.  It says nothing more: the feature,
 * the CPUID place and the fix come only with finding records.
 */
static bool report_line(const char *line, struct finding *f)
{
	const char *p = strchr(line, ':'), *tag, *msg;
	size_t len = strlen(line);
	char *end;
	long ln, col;

	if (!p || p == line || !len || line[len - 1] != ']')
		return false;
	ln = strtol(p + 1, &end, 10);
	if (end == p + 1 || *end != ':' || ln < 1)
		return false;
	col = strtol(end + 1, &end, 10);
	if (*end == '-')
		strtol(end + 1, &end, 10);
	if (col < 0 || !starts_with(end, ": "))
		return false;
	msg = end + 2;
	tag = strrchr(line, '[');
	if (!tag || tag <= msg || tag[-1] != ' ' ||
	    !starts_with(tag, "[cpuid-"))
		return false;
	memset(f, 0, sizeof(*f));
	f->file = strndup(line, p - line);
	f->line = ln;
	f->column = col + 1;
	f->check = strndup(tag + 1, line + len - 1 - (tag + 1));
	f->message = strndup(msg, tag - 1 - msg);
	return true;
}

void run_cocci(const struct options *o, const char *ksrc,
	       const struct overlay *ov, struct findings *fs)
{
	char *sp = find_part("semantic-patches/cpuidcheck-cocci",
			     "share/cpuidcheck/semantic-patches/cpuidcheck-cocci");
	char *out, *line, *save = NULL, *jobs, *env[3], *tmp, *rel;
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

		if (!report_line(line, &f))
			continue;
		rel = tree_relative(f.file, root, root, NULL);
		free(f.file);
		f.file = rel;
		if (strstr(o->disable, f.check))
			finding_free(&f);
		else
			findings_add(fs, &f);
	}
	free(out);
	free(sp);
}
