// SPDX-License-Identifier: GPL-2.0
/*
 * Pre-submit checks: --patch FILE|- (a format-patch mail, an mbox of
 * several, or a plain diff) and --git RANGE.  The patch is applied to an
 * overlay (copies of arch/x86/kvm, virt/kvm and the files it touches) in a
 * scratch directory; the tree itself is never written.  The base and the
 * patched state are checked with the same compile commands, and only the
 * findings the patch introduces are reported, in checkpatch's format.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpuidcheck.h"

static bool kvm_cpuid_file(const char *f)
{
	return starts_with(f, "arch/x86/kvm/") ||
	       !strcmp(f, "arch/x86/include/asm/cpufeatures.h") ||
	       !strcmp(f, "arch/x86/include/asm/kvm_host.h");
}

/*
 * "#N:" of checkpatch: an added line's place in the input, in order (0
 * where the mail encoded it, quoted-printable or base64); and the input's
 * lines.  Each mail's added lines are looked for in its own lines only,
 * so an encoded mail does not hide the places of the mails after it.
 */
static void input_lines(const char *input, const struct series *s,
			struct patch_info *all)
{
	char *text = read_file(input, NULL), *line, *next;
	int ln = 0, i = 0, m = 0, end = s->n ? s->v[0].lines : 0, first = 0;

	for (line = text; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		line[strcspn(line, "\r")] = '\0';
		ln++;
		/* past mail m's last line: its unmatched lines are encoded */
		while (m < s->n && ln > end) {
			first += s->v[m].pi.nr_added;
			for (; i < first && i < all->nr_added; i++)
				all->added[i].patch_line = 0;
			if (++m < s->n)
				end += s->v[m].lines;
		}
		if (m < s->n && i < first + s->v[m].pi.nr_added &&
		    i < all->nr_added && line[0] == '+' &&
		    !strcmp(line + 1, all->added[i].text))
			all->added[i++].patch_line = ln;
	}
	for (; i < all->nr_added; i++)
		all->added[i].patch_line = 0;
	all->lines = ln;
	free(text);
}


/* A revision of the user's repository, resolved; dies if it is not one. */
static char *commit_of(const char *ksrc, const char *rev, const char *range)
{
	char *spec, *out;

	if (!safe_rev(rev))
		die("--git %s: not a valid git range", printable(range));
	spec = xasprintf("%s^{commit}", rev);
	out = git_capture(ksrc, "rev-parse", "--verify", "--quiet",
			  "--end-of-options", spec, NULL);
	free(spec);
	if (!out || strlen(out) < 41)
		die("--git %s: not a valid git range in %s", printable(range),
		    ksrc);
	out[strcspn(out, "\n")] = '\0';
	return out;
}

/* --git A..B (merge-base of A and B to B), A... or A (A to HEAD) */
static void resolve_range(const char *ksrc, const char *range, char **from,
			  char **to)
{
	const char *dots = strstr(range, "..");

	if (dots) {
		char *a = strndup(range, dots - range), *mb;
		const char *b = dots + 2 + (dots[2] == '.');
		char *ca = commit_of(ksrc, *a ? a : "HEAD", range);

		*to = commit_of(ksrc, *b ? b : "HEAD", range);
		mb = git_capture(ksrc, "merge-base", ca, *to, NULL);
		if (!mb)
			die("--git %s: no merge base", printable(range));
		mb[strcspn(mb, "\n")] = '\0';
		*from = mb;
		free(ca);
		free(a);
	} else {
		*from = commit_of(ksrc, range, range);
		*to = commit_of(ksrc, "HEAD", range);
	}
}

/* Findings of the source line each added line became. */
static void place_findings(struct findings *out, const struct patch_info *pi,
			   const char *dirn)
{
	int i, j;

	for (i = 0; i < out->n; i++) {
		struct finding *f = &out->v[i];

		for (j = pi->nr_added - 1; j >= 0; j--) {
			if (!strcmp(pi->added[j].file, f->file) &&
			    pi->added[j].line == f->line) {
				f->patch_line = pi->added[j].patch_line;
				f->source_line = printable(pi->added[j].text);
				break;
			}
		}
		if (!f->source_line) {
			char *path = xasprintf("%s/%s", dirn, f->file);
			char *l = file_line(path, f->line);

			f->source_line = l ? printable(l) : NULL;
			free(l);
			free(path);
		}
	}
}

/* Whether @sha is a commit of @ksrc's repository (format-patch's own). */
static bool commit_here(const char *ksrc, const char *sha)
{
	char *spec, *out;
	bool yes;

	if (!sha)
		return false;
	spec = xasprintf("%s^{commit}", sha);
	out = git_capture(ksrc, "cat-file", "-e", "--end-of-options", spec,
			  NULL);
	yes = out != NULL;
	free(out);
	free(spec);
	return yes;
}


/*
 * A patch that cannot be checked (it needs patches this tree lacks) does
 * not block a send: one line, exit 0, unless --strict.
 */
static int not_checked(const struct options *o, const char *what,
		       const char *why)
{
	if (o->strict)
		die("%s: not checked: %s", what, why);
	note("%s: not checked: %s", what, why);
	return EXIT_CLEAN;
}

static const char *mail_name(const struct series *s, int i, char **buf)
{
	free(*buf);
	*buf = s->n > 1 ? xasprintf("patch %d of %d (%s)", i + 1, s->n,
				    s->v[i].subject ?
				    printable(s->v[i].subject) : "no subject") :
			  xstrdup("the patch");
	return *buf;
}

/*
 * Whether the patches of @s apply in order (before anything is built):
 * the index of the first that does not, or -1; @dir is left holding the
 * tree's files, ready for the first patch.
 */
static int applies(const char *ksrc, const struct series *s,
		   const struct patch_info *all, const char *dir)
{
	int i, bad = -1;

	if (!overlay_copy(ksrc, dir, all->files, all->nr_files))
		die("cannot copy the files the patch touches from %s", ksrc);
	for (i = 0; i < s->n && bad < 0; i++)
		if (s->v[i].pi.nr_files &&
		    overlay_apply(dir, s->v[i].diff, s->v[i].pi.strip,
				  s->v[i].subject ? printable(s->v[i].subject) :
				  "the patch") != APPLY_OK)
			bad = i;
	rm_rf(dir);
	if (!overlay_copy(ksrc, dir, all->files, all->nr_files))
		die("cannot copy the files the patch touches from %s", ksrc);
	return bad;
}

/*
 * A format-patch mail whose commit this repository has is checked as that
 * commit against its parent, whatever order the mails come in; others are
 * applied in order, patch N on top of 1..N-1.  Each finding is reported
 * at the patch that introduces it.
 */
static int check_series(struct options *o, const char *ksrc,
			const struct series *s, const char *scratch,
			struct findings *out)
{
	char *dirb = xasprintf("%s/base", scratch);
	char *dirn = xasprintf("%s/new", scratch), *name = NULL;
	struct findings prev = { 0 }, now;
	struct patch_info all = { 0 };
	bool commits = true, have_base = false;
	int i;

	/* every state has the files any patch of the series touches */
	series_patch_info(s, &all);
	for (i = 0; i < s->n; i++)
		if (s->v[i].pi.nr_files && !commit_here(ksrc, s->v[i].commit))
			commits = false;
	for (i = 0; i < s->n; i++) {
		const struct mail *m = &s->v[i];

		if (!m->pi.nr_files)
			continue;
		mail_name(s, i, &name);
		memset(&now, 0, sizeof(now));
		if (commits) {
			char *parent = xasprintf("%s^", m->commit);

			memset(&prev, 0, sizeof(prev));
			if (!overlay_from_git(ksrc, parent, dirb, all.files,
					      all.nr_files) ||
			    !overlay_from_git(ksrc, m->commit, dirn, all.files,
					      all.nr_files))
				die("%s: cannot read commit %s's files", name,
				    m->commit);
			free(parent);
			check_state(o, ksrc, dirb, &prev, name, true);
		} else if (!have_base) {
			int bad = applies(ksrc, s, &all, dirn);

			if (bad >= 0)
				return not_checked(o, mail_name(s, bad, &name),
					bad ? "it does not apply on top of the patches before it" :
					"it does not apply to this tree (does it need earlier patches of its series?)");
			check_state(o, ksrc, NULL, &prev, name, true);
			have_base = true;
		}
		if (!commits &&
		    overlay_apply(dirn, m->diff, m->pi.strip, name) != APPLY_OK)
			die("%s: does not apply any more", name);
		check_state(o, ksrc, dirn, &now, name, false);
		step_findings(&prev, &now, out);
		if (!commits)
			prev = now;
	}
	patch_info_free(&all);
	free(name);
	free(dirb);
	free(dirn);
	return -1;
}

int patch_main(struct options *o, const char *patch, const char *range)
{
	struct findings base = { 0 }, now = { 0 }, out = { 0 };
	struct patch_info pi = { 0 };
	struct series s = { 0 };
	char *ksrc = tree_root(o->ksrc ? o->ksrc : ".");
	char *scratch, *dirb, *dirn, *what, *from = NULL, *to = NULL;
	struct output po = { .format = o->format == FMT_TEXT ?
				      FMT_CHECKPATCH : o->format,
			     .tree = ksrc };
	int i, rc;
	bool relevant = false;

	scratch = scratch_dir("patch");
	dirb = xasprintf("%s/base", scratch);
	dirn = xasprintf("%s/new", scratch);
	if (patch) {
		what = xstrdup(strcmp(patch, "-") ? patch : "The patch");
		series_read(&s, patch, strcmp(patch, "-") ? patch : "stdin",
			    scratch);
		series_patch_info(&s, &pi);
		if (!pi.hunks && !pi.nr_files) {
			/* a cover letter or a reply: nothing to check */
			for (i = 0; i < s.n && !s.v[i].subject; i++)
				;
			if (i == s.n)
				die("%s: not a patch (no diff hunks found)",
				    patch);
			return EXIT_CLEAN;
		}
		input_lines(patch[0] == '-' && !patch[1] ?
			    xasprintf("%s/input", scratch) : patch, &s, &pi);
	} else {
		char *text;
		int st;

		resolve_range(ksrc, range, &from, &to);
		text = capture_cmd(&(struct run){ .cwd = ksrc }, &st, "git",
				   "diff", "--no-color", "--no-ext-diff",
				   "--no-textconv", "--no-renames", from, to,
				   NULL);
		if (st)
			die("--git %s: git diff failed", printable(range));
		if (!text[0])
			die("--git %s: empty patch", printable(range));
		patch_parse(text, strlen(text), &pi);
		if (pi.bad_name)
			die("--git %s: refused: the range %s '%s'",
			    printable(range), pi.bad_why, printable(pi.bad_name));
		free(text);
		what = xasprintf("The range %s", printable(range));
	}
	for (i = 0; i < pi.nr_files; i++)
		relevant |= kvm_cpuid_file(pi.files[i]);
	po.what = what;
	po.lines_checked = pi.lines;
	if (!relevant) {
		print_findings(stdout, &out, &po);
		return EXIT_CLEAN;
	}
	load_tree_config(o, ksrc);
	if (range) {
		if (!overlay_from_git(ksrc, from, dirb, pi.files, pi.nr_files) ||
		    !overlay_from_git(ksrc, to, dirn, pi.files, pi.nr_files))
			die("--git %s: cannot read the range's files",
			    printable(range));
		check_state(o, ksrc, dirb, &base, what, true);
		check_state(o, ksrc, dirn, &now, what, false);
		step_findings(&base, &now, &out);
	} else {
		rc = check_series(o, ksrc, &s, scratch, &out);
		if (rc >= 0)
			return rc;
	}
	place_findings(&out, &pi, dirn);
	print_findings(stdout, &out, &po);
	if (po.format == FMT_JSON || po.format == FMT_SARIF)
		print_summary(stderr, &out);
	scratch_done(scratch);
	series_free(&s);
	patch_info_free(&pi);
	return out.n ? EXIT_FINDINGS : EXIT_CLEAN;
}

/* @s quoted for the hook script cpuidcheck writes (its own path). */
static char *script_quote(const char *s)
{
	struct sbuf b = { 0 };

	sb_puts(&b, "'");
	for (; *s; s++) {
		if (*s == '\'')
			sb_puts(&b, "'\\''");
		else
			sb_add(&b, s, 1);
	}
	sb_puts(&b, "'");
	return b.s;
}

/* git's sendemail-validate hook: $1 is the mail. */
int install_hook(const char *dir)
{
	char *hooks, *hook, *self, *body, *q;

	hooks = git_capture(dir, "rev-parse", "--path-format=absolute",
			    "--git-path", "hooks", NULL);
	if (!hooks)
		die("%s: not a git work tree", dir);
	hooks[strcspn(hooks, "\n")] = '\0';
	mkdir_p(hooks);
	hook = xasprintf("%s/sendemail-validate", hooks);
	if (!access(hook, F_OK))
		die("%s exists; add 'cpuidcheck --patch \"$1\"' to it yourself",
		    hook);
	self = realpath("/proc/self/exe", NULL);
	q = script_quote(self ? self : "cpuidcheck");
	body = xasprintf("#!/bin/sh\n# installed by cpuidcheck --install-hook: check each mail's\n# KVM CPUID changes before git send-email sends it.\ncd \"$(git rev-parse --show-toplevel)\" || exit 1\nexec %s --patch \"$1\"\n",
			 q);
	if (!write_file(hook, body, strlen(body)) || chmod(hook, 0755))
		die("cannot write %s", hook);
	printf("installed %s\n", hook);
	free(q);
	free(hooks);
	free(hook);
	free(self);
	free(body);
	return 0;
}
