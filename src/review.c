// SPDX-License-Identifier: GPL-2.0
/*
 * The maintainer's review aid, on KVM's capability map (capmap.c):
 *
 *   cpuidcheck map [KSRC]                 KVM's CPUID capability map
 *   cpuidcheck review --trees OLD NEW     how it changed between trees
 *   cpuidcheck review BASE..HEAD [KSRC]   ... per commit of a git range
 *   cpuidcheck review --mbox FILE [KSRC]  ... per patch of a series
 *
 * Each state is mapped by map_tree() (series.c) and compared with the one
 * before by diff_maps() (mapdiff.c); print-review.c prints the steps.
 */
#include <stdlib.h>
#include <string.h>

#include "cpuidcheck.h"

/*
 * @now is @prev's successor: a step that leaves more units uncompiled
 * than @prev records too little to compare (every feature of the unit
 * would look removed, its findings fixed), so it is broken instead and
 * the next step is compared with @prev.
 */
static bool step_diff(struct step *s, struct capmap *prev,
		      const struct capmap *now)
{
	if (now->failed > prev->failed) {
		s->broken = true;
		s->why = xasprintf("does not compile (%d unit%s fail%s): %s",
				   now->failed, now->failed == 1 ? "" : "s",
				   now->failed == 1 ? "s" : "",
				   check_failure());
		return false;
	}
	diff_maps(prev, now, &s->c);
	*prev = *now;
	return true;
}

static int steps_status(struct step *s, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if ((s[i].broken && !s[i].unchecked) || s[i].c.introduced)
			return EXIT_FINDINGS;
	return EXIT_CLEAN;
}

int review_trees(struct options *o, const char *old, const char *new)
{
	char *a = tree_root(old), *b = tree_root(new);
	struct capmap ma = { 0 }, mb = { 0 };
	struct step s = { 0 };

	map_base(o, a, NULL, a, &ma);
	map_base(o, b, NULL, b, &mb);
	diff_maps(&ma, &mb, &s.c);
	s.title = xasprintf("%s -> %s (%d -> %d features, %d -> %d findings)",
			    a, b, ma.n, mb.n, ma.fs.n, mb.fs.n);
	print_steps(stdout, &s, 1, o->format, o->reply);
	return steps_status(&s, 1);
}

/* The map of a base, which must compile: a base not checked is no base. */
/* The files the commits of @base..@head touch, validated. */
static char **range_files(const char *ksrc, const char *base,
			  const char *head, int *n)
{
	char *r = xasprintf("%s..%s", base, head), *out, *p;
	char **v = NULL;

	/*
	 * Every file some commit touches, not the range's net diff: a file
	 * one commit changes and a later one restores matters in between;
	 * both names of a renamed file.
	 */
	out = git_capture(ksrc, "log", "-z", "--format=", "--name-only",
			  "--no-renames", "--end-of-options", r, NULL);
	*n = 0;
	for (p = out; p && *p; p += strlen(p) + 1) {
		if (*p == '\n')
			p++;
		if (!*p)
			break;
		if (!safe_tree_path(p))
			die("review %s: refused: a commit names an unsafe path '%s'",
			    printable(r), printable(p));
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = xstrdup(p);
	}
	free(out);
	free(r);
	return v;
}

int review_range(struct options *o, const char *ksrc,
			const char *range)
{
	char *base, *head, *list, *line, *save = NULL, *dir, *r, *scratch;
	const char *p = strstr(range, "..");
	struct capmap prev = { 0 };
	struct step *s = NULL;
	char **files;
	int n = 0, nfiles;

	base = strndup(range, p - range);
	head = xstrdup(p[2] == '.' ? p + 3 : p + 2);
	if ((*base && !safe_rev(base)) || (*head && !safe_rev(head)))
		die("review %s: not a valid git range", printable(range));
	r = xasprintf("%s..%s", *base ? base : "HEAD", *head ? head : "HEAD");
	list = git_capture(ksrc, "rev-list", "--reverse", "--end-of-options",
			   r, NULL);
	if (!list || !list[0])
		die("review %s: not a valid git range (or empty) in %s",
		    printable(range), ksrc);
	files = range_files(ksrc, *base ? base : "HEAD", *head ? head : "HEAD",
			    &nfiles);
	scratch = scratch_dir("review");
	dir = xasprintf("%s/tree", scratch);
	{
		char *b = git_capture(ksrc, "rev-parse", "--verify",
				      "--end-of-options", *base ? base : "HEAD",
				      NULL);

		if (!b)
			die("review %s: no such base", printable(range));
		b[strcspn(b, "\n")] = '\0';
		if (!overlay_from_git(ksrc, b, dir, files, nfiles))
			die("review %s: cannot read %s's files",
			    printable(range), printable(base));
		free(b);
	}
	map_base(o, ksrc, dir, *base ? base : "HEAD", &prev);
	for (line = strtok_r(list, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		struct capmap now = { 0 };
		char *t;

		s = xrealloc(s, (n + 1) * sizeof(*s));
		memset(&s[n], 0, sizeof(*s));
		t = git_capture(ksrc, "log", "-1", "--format=%h %s",
				"--end-of-options", line, NULL);
		/* git's newline, not printable()'s '?' for it, ends it */
		if (t)
			t[strcspn(t, "\n")] = '\0';
		s[n].title = printable(t ? t : line);
		free(t);
		if (!overlay_from_git(ksrc, line, dir, files, nfiles)) {
			s[n].broken = true;
			s[n++].why = xstrdup("cannot read the commit's files");
			continue;
		}
		map_tree(o, ksrc, dir, line, &now);
		step_diff(&s[n], &prev, &now);
		n++;
	}
	scratch_done(scratch);
	print_steps(stdout, s, n, o->format, o->reply);
	return steps_status(s, n);
}

int review_mbox(struct options *o, const char *ksrc, const char *mbox)
{
	char *scratch = scratch_dir("review"), *dir;
	struct capmap prev = { 0 };
	struct series se;
	struct patch_info all;
	struct step *s = NULL;
	int n = 0, i;

	dir = xasprintf("%s/tree", scratch);
	/*
	 * A lone mail without a "From " line is a mailbox too (b4's check
	 * commands get one patch that way on stdin); git mailinfo gives
	 * each mail's subject unfolded and decoded, and its patch as git am
	 * would apply it (empty for a cover letter).
	 */
	series_read(&se, mbox, strcmp(mbox, "-") ? mbox : "--mbox -", scratch);
	series_patch_info(&se, &all);
	if (!all.nr_files) {
		/* e.g. the cover letter b4 gives a series check command */
		if (o->format == FMT_TEXT)
			die("--mbox %s: no patch in it", mbox);
		print_steps(stdout, NULL, 0, o->format, o->reply);
		return EXIT_CLEAN;
	}
	if (!overlay_copy(ksrc, dir, all.files, all.nr_files))
		die("--mbox %s: cannot copy the tree's files", mbox);
	map_base(o, ksrc, dir, "base", &prev);
	for (i = 0; i < se.n; i++) {
		struct mail *m = &se.v[i];
		struct capmap now = { 0 };

		/* not a patch (a cover letter, a reply): not a step */
		if (!m->pi.nr_files)
			continue;
		s = xrealloc(s, (n + 1) * sizeof(*s));
		memset(&s[n], 0, sizeof(*s));
		s[n].title = m->subject && *m->subject ?
			     printable(m->subject) :
			     xasprintf("mail %d", i + 1);
		if (overlay_apply(dir, m->diff, m->pi.strip,
				  s[n].title) != APPLY_OK) {
			/*
			 * b4's per-patch check sends patch N of a series alone,
			 * against a tree without patches 1..N-1: that the first
			 * patch does not apply says nothing about the patch.
			 */
			s[n].broken = true;
			s[n].unchecked = n == 0;
			s[n].why = xstrdup(n ? "does not apply on top of the patches before it" :
					   "does not apply to this tree (does it need earlier patches of its series?); not checked");
			n++;
			break;
		}
		map_tree(o, ksrc, dir, s[n].title, &now);
		step_diff(&s[n], &prev, &now);
		n++;
	}
	scratch_done(scratch);
	print_steps(stdout, s, n, o->format, o->reply);
	return steps_status(s, n);
}


/* cpuidcheck map [KSRC]: KVM's capability map of the tree */
int map_main(struct options *o, const char *ksrc)
{
	struct map_output mo = { .format = o->format, .link = o->link,
				 .rev = o->link_rev };
	struct capmap cm = { 0 };

	map_base(o, ksrc, NULL, ksrc, &cm);
	print_map(stdout, &cm, &mo);
	/* findings are part of the map (map_base() dies on a hole) */
	return EXIT_CLEAN;
}
