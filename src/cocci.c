// SPDX-License-Identifier: GPL-2.0
/*
 * The Coccinelle engine (--engine=cocci|both): semantic-patches'
 * cpuidcheck-cocci driver over the tree's arch/x86/kvm, asked for finding
 * records (judge/finding.h), which are read as the plugin's are.
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
	char *out, *line, *save = NULL, *jobs, *env[6], *tmp, *sup;
	const char *root = ov ? ov->dir : ksrc;
	struct run r = { .cwd = root, .env = env, .err = "/dev/stdout" };
	struct findings found = { 0 };
	struct sbuf recs = { 0 };
	int status, i;

	if (!sp || access(sp, X_OK))
		die("--engine=cocci: the Coccinelle engine (semantic-patches/cpuidcheck-cocci) is not available");
	if (!have_program("spatch"))
		die("--engine=cocci: spatch (Coccinelle) is not installed");
	/* its temporary files go to the cache too, not /tmp */
	tmp = scratch_dir("cocci");
	env[0] = xasprintf("CPUIDCHECK_TREE=%s", ksrc);
	env[1] = xasprintf("TMPDIR=%s", tmp);
	env[2] = "CPUIDCHECK_OUTPUT=records";
	/* the scratch directory is removed below, its suppress file too */
	sup = write_suppressions(o, tmp);
	env[3] = xasprintf("CPUIDCHECK_DISABLE=%s", o->disable);
	env[4] = sup ? xasprintf("CPUIDCHECK_SUPPRESS=%s", sup) : NULL;
	env[5] = NULL;
	jobs = xasprintf("%d", jobs_of(o));
	out = capture_cmd(&r, &status, sp, "-j", jobs, "arch/x86/kvm", NULL);
	free(jobs);
	free(env[0]);
	free(env[1]);
	free(env[3]);
	free(env[4]);
	free(sup);
	scratch_done(tmp);
	free(tmp);
	if (status) {
		/* what the driver or spatch said last (stderr is in @out) */
		char *said = NULL;

		for (line = strtok_r(out, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save))
			if (!starts_with(line, "finding\t"))
				said = line;
		die("--engine=cocci: %s failed (exit %d)%s%s", sp, status,
		    said ? ": " : "", said ? printable(said) : "");
	}
	sb_add(&recs, "", 0);
	for (line = strtok_r(out, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		if (starts_with(line, "finding\t"))
			sb_printf(&recs, "%s\n", line);
	findings_from_records(recs.s, &found);
	fs->suppressed += found.suppressed;
	for (i = 0; i < found.n; i++) {
		struct finding *f = &found.v[i];
		char *rel = tree_relative(f->file, root, root, NULL);

		free(f->file);
		f->file = rel;
		findings_add(fs, f);
	}
	free(found.v);
	free(recs.s);
	free(out);
	free(sp);
}
