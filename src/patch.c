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

extern const char *output_root;

struct added {
	char *file;
	int line, patch_line;
	char *text;
};

struct pinfo {
	char **files;
	int nr_files;
	struct added *added;
	int nr_added, lines;
	int strip;
};

static void add_file(struct pinfo *p, const char *f)
{
	int i;

	for (i = 0; i < p->nr_files; i++)
		if (!strcmp(p->files[i], f))
			return;
	p->files = xrealloc(p->files, (p->nr_files + 1) * sizeof(char *));
	p->files[p->nr_files++] = xstrdup(f);
}

static char *strip_path(const char *s, int strip)
{
	size_t n = strcspn(s, "\t\n");
	char *p = strndup(s, n);
	char *r = p;
	int i;

	for (i = 0; i < strip && r; i++) {
		r = strchr(r, '/');
		if (r)
			r++;
	}
	r = xstrdup(r ? r : p);
	free(p);
	return r;
}

/* Files, added lines and their place in the input. */
static bool parse_patch(const char *text, struct pinfo *p, const char *ksrc)
{
	char *copy = xstrdup(text), *line, *next;
	char *file = NULL;
	int n = 0, newl = 0, left = 0;
	bool have_hunk = false;

	p->strip = -1;
	for (line = copy; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		n++;
		if (starts_with(line, "+++ ") && !left) {
			if (p->strip < 0) {
				char *t = strip_path(line + 4, 1);
				char *e = xasprintf("%s/%s", ksrc, t);
				char *s = strip_path(line + 4, 0);

				p->strip = (starts_with(s, "b/") ||
					    is_file(e)) ? 1 : 0;
				free(e);
				free(t);
				free(s);
			}
			free(file);
			file = starts_with(line + 4, "/dev/null") ? NULL :
				strip_path(line + 4, p->strip);
			if (file)
				add_file(p, file);
			continue;
		}
		if (starts_with(line, "--- ") && !left) {
			if (!starts_with(line + 4, "/dev/null")) {
				char *f = strip_path(line + 4,
						     p->strip < 0 ? 1 : p->strip);

				if (p->strip >= 0)
					add_file(p, f);
				free(f);
			}
			continue;
		}
		if (starts_with(line, "@@ -")) {
			char *plus = strstr(line, " +");
			int a = 0, b = 1;

			if (!plus)
				continue;
			if (sscanf(plus + 2, "%d,%d", &a, &b) < 1)
				continue;
			if (!strchr(plus + 2, ',') ||
			    strchr(plus + 2, ' ') < strchr(plus + 2, ','))
				b = 1;
			newl = a;
			left = b;
			{
				char *minus = line + 4;
				int oa = 0, ob = 1;
				int got = sscanf(minus, "%d,%d", &oa, &ob);

				if (got == 2 && strchr(minus, ',') &&
				    strchr(minus, ',') < plus)
					left += ob;
				else
					left += 1;
			}
			have_hunk = true;
			continue;
		}
		p->lines = n;
		if (left <= 0)
			continue;
		if (line[0] == '+') {
			if (file) {
				struct added *a;

				p->added = xrealloc(p->added,
					(p->nr_added + 1) * sizeof(*p->added));
				a = &p->added[p->nr_added++];
				a->file = xstrdup(file);
				a->line = newl;
				a->patch_line = n;
				a->text = xstrdup(line + 1);
			}
			newl++;
			left--;
		} else if (line[0] == '-') {
			left--;
		} else if (line[0] == ' ' || line[0] == '\0') {
			newl++;
			left -= 2;
		} else if (line[0] != '\\') {
			left = 0;
		}
	}
	p->lines = n;
	free(file);
	free(copy);
	return have_hunk && p->nr_files;
}

static bool kvm_cpuid_file(const char *f)
{
	return starts_with(f, "arch/x86/kvm/") ||
	       !strcmp(f, "arch/x86/include/asm/cpufeatures.h") ||
	       !strcmp(f, "arch/x86/include/asm/kvm_host.h");
}

static void new_findings(struct findings *base, struct findings *now,
			 struct findings *out)
{
	bool *used = xmalloc(base->n + 1);
	int i, j;

	memset(used, 0, base->n + 1);
	for (i = 0; i < now->n; i++) {
		char *k = finding_key(&now->v[i]);
		bool old = false;

		for (j = 0; j < base->n && !old; j++) {
			char *b;

			if (used[j])
				continue;
			b = finding_key(&base->v[j]);
			if (!strcmp(k, b))
				old = used[j] = true;
			free(b);
		}
		free(k);
		if (!old)
			findings_add(out, &now->v[i]);
	}
	free(used);
}

static char *mkscratch(const char *what)
{
	char *cache = cache_dir(), *dir, *t;

	if (mkdir_p(cache) || access(cache, W_OK))
		die("cache %s is not writable (set CPUIDCHECK_CACHE or XDG_CACHE_HOME)",
		    cache);
	t = xasprintf("%s/%s.XXXXXX", cache, what);
	dir = mkdtemp(t);
	if (!dir)
		die("cannot create a scratch directory in %s: %s", cache,
		    strerror(errno));
	free(cache);
	return dir;
}

/* Copy arch/x86/kvm, virt/kvm and @p's files from @from (a tree). */
static int fill_overlay(const char *from, const char *ov,
			const struct pinfo *p)
{
	struct sbuf b = { 0 };
	char *qf = shell_quote(from), *qo = shell_quote(ov);
	int i, rc;

	sb_printf(&b, "cd %s && for d in arch/x86/kvm virt/kvm; do [ ! -d $d ] || cp -a --parents $d %s || exit 1; done",
		  qf, qo);
	for (i = 0; i < p->nr_files; i++) {
		char *q = shell_quote(p->files[i]);

		sb_printf(&b, " && { [ ! -e %s ] || cp -a --parents %s %s; }",
			  q, q, qo);
		free(q);
	}
	rc = run_shell(NULL, b.s, "/dev/null");
	free(b.s);
	free(qf);
	free(qo);
	return rc;
}

static char *git_out(const char *ksrc, const char *cmd)
{
	int st;
	char *out = run_capture(ksrc, cmd, &st);

	if (st) {
		free(out);
		return NULL;
	}
	out[strcspn(out, "\n")] = '\0';
	return out;
}

/* Materialise @rev's arch/x86/kvm, virt/kvm and @p's files into @ov. */
static int git_overlay(const char *ksrc, const char *rev, const char *ov,
		       const struct pinfo *p)
{
	struct sbuf b = { 0 };
	char *qo = shell_quote(ov);
	int i, rc;

	sb_printf(&b, "git archive --format=tar %s -- arch/x86/kvm virt/kvm",
		  rev);
	for (i = 0; i < p->nr_files; i++) {
		char *q = shell_quote(p->files[i]);
		char *c = xasprintf("git cat-file -e %s:%s 2>/dev/null", rev,
				    p->files[i]);

		if (!run_shell(ksrc, c, "/dev/null"))
			sb_printf(&b, " %s", q);
		free(c);
		free(q);
	}
	sb_printf(&b, " | tar -x -C %s", qo);
	rc = run_shell(ksrc, b.s, "/dev/null");
	free(b.s);
	free(qo);
	return rc;
}

int patch_main(struct options *o, const char *patch, const char *range)
{
	struct findings base = { 0 }, now = { 0 }, out = { 0 };
	struct pinfo pi = { 0 };
	struct overlay ovb, ovn;
	char *ksrc = tree_root(o->ksrc ? o->ksrc : ".");
	char *text, *scratch, *dirb, *dirn, *pfile, *what;
	char *from = NULL, *to = NULL;
	enum format fmt = o->format == FMT_TEXT ? FMT_CHECKPATCH : o->format;
	int i, j, rc;
	bool relevant = false;

	if (patch) {
		text = read_file(patch, NULL);
		if (!text)
			die("%s: %s", patch, strerror(errno));
		what = xstrdup(strcmp(patch, "-") ? patch : "The patch");
	} else {
		char *q = shell_quote(range), *c;

		if (strstr(range, "..")) {
			char *a = strndup(range, strstr(range, "..") - range);
			const char *bb = strstr(range, "..") + 2;

			bb += *bb == '.';
			c = xasprintf("git merge-base %s %s", *a ? a : "HEAD",
				      *bb ? bb : "HEAD");
			from = git_out(ksrc, c);
			free(c);
			c = xasprintf("git rev-parse --verify %s^{commit}",
				      *bb ? bb : "HEAD");
			to = git_out(ksrc, c);
			free(a);
		} else {
			c = xasprintf("git rev-parse --verify %s^{commit}", q);
			from = git_out(ksrc, c);
			free(c);
			c = xstrdup("git rev-parse --verify HEAD");
			to = git_out(ksrc, c);
		}
		free(c);
		if (!from || !to)
			die("--git %s: not a valid git range in %s", range,
			    ksrc);
		c = xasprintf("git diff --no-color --no-ext-diff %s %s", from,
			      to);
		text = run_capture(ksrc, c, &rc);
		free(c);
		free(q);
		what = xasprintf("The range %s", range);
	}
	if (!text[strspn(text, " \t\r\n")])
		die("%s: empty patch", patch ? patch : range);
	if (!parse_patch(text, &pi, ksrc))
		die("%s: not a patch (no diff hunks found)",
		    patch ? patch : range);
	for (i = 0; i < pi.nr_files; i++)
		relevant |= kvm_cpuid_file(pi.files[i]);
	scratch = mkscratch("patch");
	dirb = xasprintf("%s/base", scratch);
	dirn = xasprintf("%s/new", scratch);
	pfile = xasprintf("%s/input.patch", scratch);
	mkdir_p(dirb);
	mkdir_p(dirn);
	write_file(pfile, text, strlen(text));
	if (range) {
		rc = git_overlay(ksrc, from, dirb, &pi) ||
		     git_overlay(ksrc, to, dirn, &pi);
		if (rc) {
			rm_rf(scratch);
			die("--git %s: cannot read the range's files", range);
		}
	} else {
		char *q = shell_quote(pfile), *c;

		/* only the files the patch touches, so it answers fast */
		struct pinfo few = pi;
		char *qk = shell_quote(ksrc);

		if (!relevant) {
			few.nr_files = pi.nr_files;
			rc = 0;
			for (i = 0; i < pi.nr_files; i++) {
				char *qq = shell_quote(pi.files[i]);

				c = xasprintf("cd %s && { [ ! -e %s ] || cp -a --parents %s %s; }",
					      qk, qq, qq, dirn);
				rc |= run_shell(NULL, c, "/dev/null");
				free(c);
				free(qq);
			}
		} else {
			rc = fill_overlay(ksrc, dirn, &few);
		}
		free(qk);
		if (rc) {
			rm_rf(scratch);
			die("cannot copy the patched files of %s", ksrc);
		}
		c = xasprintf("patch -p%d -s -f -t -F0 --no-backup-if-mismatch -d %s -i %s",
			      pi.strip, dirn, q);
		rc = run_shell(NULL, c, "/dev/null");
		free(c);
		free(q);
		if (rc) {
			rm_rf(scratch);
			die("%s: the patch does not apply to %s", patch, ksrc);
		}
	}
	if (!relevant) {
		rm_rf(scratch);
		output_root = ksrc;
		print_findings(stdout, &out, fmt, what, pi.lines);
		return EXIT_CLEAN;
	}
	load_tree_config(o, ksrc);
	ovn.dir = dirn;
	ovb.dir = dirb;
	check_tree(o, ksrc, range ? &ovb : NULL, &base);
	check_tree(o, ksrc, &ovn, &now);
	new_findings(&base, &now, &out);
	out.suppressed = now.suppressed - base.suppressed;
	if (out.suppressed < 0)
		out.suppressed = 0;
	for (i = 0; i < out.n; i++) {
		struct finding *f = &out.v[i];

		for (j = pi.nr_added - 1; j >= 0; j--) {
			if (!strcmp(pi.added[j].file, f->file) &&
			    pi.added[j].line == f->line) {
				f->patch_line = pi.added[j].patch_line;
				f->source_line = xstrdup(pi.added[j].text);
				break;
			}
		}
		if (!f->source_line) {
			char *path = xasprintf("%s/%s", dirn, f->file);
			FILE *fp = fopen(path, "r");
			char *l = NULL;
			size_t cap = 0;
			int k;

			for (k = 1; fp && getline(&l, &cap, fp) >= 0; k++) {
				if (k == f->line) {
					l[strcspn(l, "\n")] = '\0';
					f->source_line = xstrdup(l);
					break;
				}
			}
			if (fp)
				fclose(fp);
			free(l);
			free(path);
		}
	}
	print_findings(stdout, &out, fmt, what, pi.lines);
	if (fmt == FMT_JSON || fmt == FMT_SARIF)
		print_summary(stderr, &out);
	rm_rf(scratch);
	return out.n ? EXIT_FINDINGS : EXIT_CLEAN;
}

/* git's sendemail-validate hook: $1 is the mail. */
int install_hook(const char *dir)
{
	char *top, *hooks, *hook, *self, *body, *q;
	int st;

	q = shell_quote(dir);
	top = run_capture(NULL, xasprintf("cd %s && git rev-parse --git-path hooks 2>/dev/null && git rev-parse --show-toplevel",
					  q), &st);
	if (st)
		die("%s: not a git work tree", dir);
	hooks = xstrdup(top);
	hooks[strcspn(hooks, "\n")] = '\0';
	if (hooks[0] != '/') {
		char *t = realpath(dir, NULL);
		char *h = xasprintf("%s/%s", t ? t : dir, hooks);

		free(hooks);
		hooks = h;
		free(t);
	}
	mkdir_p(hooks);
	hook = xasprintf("%s/sendemail-validate", hooks);
	if (!access(hook, F_OK))
		die("%s exists; add 'cpuidcheck --patch \"$1\"' to it yourself",
		    hook);
	self = realpath("/proc/self/exe", NULL);
	body = xasprintf("#!/bin/sh\n# installed by cpuidcheck --install-hook: check each mail's\n# KVM CPUID changes before git send-email sends it.\ncd \"$(git rev-parse --show-toplevel)\" || exit 1\nexec %s --patch \"$1\"\n",
			 self ? self : "cpuidcheck");
	if (!write_file(hook, body, strlen(body)) || chmod(hook, 0755))
		die("cannot write %s", hook);
	printf("installed %s\n", hook);
	free(q);
	free(top);
	free(hooks);
	free(hook);
	free(self);
	free(body);
	return 0;
}
