// SPDX-License-Identifier: GPL-2.0
/*
 * Patches and commits -> trees, shared by --patch/--git and review: the
 * series read, the overlays made and patched, each state checked (its
 * findings, or its capability map) and compared with the one before.
 *
 * Mails are split and decoded by git's own tools (git mailsplit, git
 * mailinfo: MIME, quoted-printable, base64, CRLF, folded subjects) and
 * applied by git apply, which refuses names outside the directory it
 * works in and writes through no symbolic link.  Only copies in a scratch
 * directory are written; the tree is read.  Every name is validated
 * (diff.c) before it is used.
 */
#include <errno.h>
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpuidcheck.h"

/* git with no repository of the user's around it, paths taken literally */
static char *git_env[] = {
	"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
	"GIT_CEILING_DIRECTORIES", NULL, NULL,
};

static char **scratch_git_env(const char *dir)
{
	char *parent = xstrdup(dir), *slash = strrchr(parent, '/');

	if (slash && slash != parent)
		*slash = '\0';
	free(git_env[5]);
	git_env[5] = xasprintf("GIT_CEILING_DIRECTORIES=%s", parent);
	free(parent);
	return git_env;
}

static char *info_field(const char *info, const char *name)
{
	size_t n = strlen(name);
	const char *p;

	for (p = info; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, name, n) && p[n] == ':' && p[n + 1] == ' ')
			return strndup(p + n + 2, strcspn(p + n + 2, "\n"));
	return NULL;
}

/* The commit a format-patch mail names: "From <40 hex> Mon Sep 17 ..." */
static char *mail_commit(const char *text)
{
	if (!strncmp(text, "From ", 5) &&
	    strspn(text + 5, "0123456789abcdef") == 40 && text[45] == ' ')
		return strndup(text + 5, 40);
	return NULL;
}

/* Lines of @len bytes of @text, a last one without a newline included. */
static int count_lines(const char *text, size_t len)
{
	int n = 0;
	size_t i;

	for (i = 0; i < len; i++)
		n += text[i] == '\n';
	return n + (len && text[len - 1] != '\n');
}

/*
 * Read the patches of @input (a file, or "-" for stdin): one mail, an
 * mbox of several, or a plain diff.  Bad input dies with one line.
 */
void series_read(struct series *s, const char *input, const char *what,
		 const char *scratch)
{
	char *copy = xasprintf("%s/input", scratch);
	char *mails = xasprintf("%s/mails", scratch), *arg, *out, *text;
	struct run r = { .env = scratch_git_env(scratch) };
	size_t len;
	int i, n, st;

	memset(s, 0, sizeof(*s));
	text = read_file(input, &len);
	if (!text)
		die("%s: %s", what, strerror(errno));
	if (!text[strspn(text, " \t\r\n")])
		die("%s: empty patch", what);
	if (memchr(text, '\0', len))
		die("%s: not a patch (a NUL byte in it)", what);
	if (!write_file(copy, text, len) || mkdir_p(mails))
		die("cannot write in %s", scratch);
	free(text);
	/* -b: a lone mail or diff without a "From " line is one mail */
	arg = xasprintf("-o%s", mails);
	out = capture_cmd(&r, &st, "git", "mailsplit", "-b", arg, copy, NULL);
	n = atoi(out);
	free(out);
	free(arg);
	if (st || n <= 0)
		die("%s: not a patch (no mail or diff in it)", what);
	s->v = xmalloc(n * sizeof(*s->v));
	memset(s->v, 0, n * sizeof(*s->v));
	for (i = 0; i < n; i++) {
		struct mail *m = &s->v[i];
		char *mail = xasprintf("%s/%04d", mails, i + 1);
		char *msg = xasprintf("%s.msg", mail);
		char *info = xasprintf("%s.info", mail);
		struct run mi = { .in = mail, .out = info, .err = "/dev/null",
				  .env = r.env };
		bool undecoded;
		char *t;

		m->diff = xasprintf("%s.diff", mail);
		if (run_cmd(&mi, "git", "mailinfo", "-k", msg, m->diff, NULL))
			die("%s: mail %d cannot be read as a patch", what,
			    i + 1);
		t = read_file(info, NULL);
		m->subject = info_field(t ? t : "", "Subject");
		free(t);
		t = read_file(mail, &len);
		m->commit = t ? mail_commit(t) : NULL;
		m->lines = t ? count_lines(t, len) : 0;
		/*
		 * A diff in the raw mail that decoding lost: b4 0.16, for
		 * one, hands a check command a base64 mail's decoded body
		 * under its "Content-Transfer-Encoding: base64" header.  Such
		 * a patch is not a cover letter to pass silently.
		 */
		undecoded = t && (strstr(t, "\ndiff --git ") ||
				  strstr(t, "\n--- a/"));
		free(t);
		t = read_file(m->diff, &len);
		patch_parse(t ? t : "", t ? len : 0, &m->pi);
		free(t);
		if (m->pi.bad_name)
			die("%s: refused: the patch %s '%s'", what,
			    m->pi.bad_why, printable(m->pi.bad_name));
		if (!m->pi.nr_files && undecoded)
			die("%s: mail %d has a diff git mailinfo cannot decode (does its Content-Transfer-Encoding match its body?): not checked",
			    what, i + 1);
		s->n++;
		free(mail);
		free(msg);
		free(info);
	}
	free(copy);
	free(mails);
}

void series_free(struct series *s)
{
	int i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].subject);
		free(s->v[i].commit);
		free(s->v[i].diff);
		patch_info_free(&s->v[i].pi);
	}
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/* Everything the mails of @s touch and add, in one patch_info. */
void series_patch_info(const struct series *s, struct patch_info *all)
{
	int i, k;

	memset(all, 0, sizeof(*all));
	for (i = 0; i < s->n; i++) {
		const struct patch_info *p = &s->v[i].pi;

		for (k = 0; k < p->nr_files; k++) {
			all->files = xrealloc(all->files,
				(all->nr_files + 1) * sizeof(char *));
			all->files[all->nr_files++] = xstrdup(p->files[k]);
		}
		for (k = 0; k < p->nr_added; k++) {
			struct added *a;

			all->added = xrealloc(all->added,
				(all->nr_added + 1) * sizeof(*a));
			a = &all->added[all->nr_added++];
			*a = p->added[k];
			a->file = xstrdup(a->file);
			a->text = xstrdup(a->text);
		}
		all->hunks += p->hunks;
	}
}

static bool under_kvm_dirs(const char *f)
{
	return starts_with(f, "arch/x86/kvm/") || starts_with(f, "virt/kvm/");
}

/*
 * @dir gets copies of @ksrc's arch/x86/kvm, virt/kvm and @files (those
 * the tree has as regular files): what a patch may change.
 */
bool overlay_copy(const char *ksrc, const char *dir, char *const *files,
		  int n)
{
	static const char *const dirs[] = { "arch/x86/kvm", "virt/kvm" };
	bool ok = !mkdir_p(dir);
	size_t k;
	int i;

	for (k = 0; ok && k < ARRAY_SIZE(dirs); k++) {
		char *from = xasprintf("%s/%s", ksrc, dirs[k]);
		char *to = xasprintf("%s/%s", dir, dirs[k]), *slash;

		if (is_dir(from)) {
			slash = strrchr(to, '/');
			*slash = '\0';
			ok = !mkdir_p(to);
			*slash = '/';
			ok = ok && copy_tree(from, to);
		}
		free(from);
		free(to);
	}
	for (i = 0; ok && i < n; i++) {
		char *from = xasprintf("%s/%s", ksrc, files[i]);
		char *to = xasprintf("%s/%s", dir, files[i]), *slash;
		struct stat st;

		if (!under_kvm_dirs(files[i]) && !lstat(from, &st) &&
		    S_ISREG(st.st_mode)) {
			slash = strrchr(to, '/');
			*slash = '\0';
			ok = !mkdir_p(to);
			*slash = '/';
			ok = ok && copy_file_to(from, to);
		}
		free(from);
		free(to);
	}
	return ok;
}

static struct sbuf *shadow_names;
static const char *shadow_tree;
static size_t shadow_skip;

static int add_shadow(const char *path, const struct stat *st, int flag,
		      struct FTW *ftw)
{
	const char *rel = path + shadow_skip;
	char *in_tree;

	if (flag != FTW_F && flag != FTW_SL)
		return 0;
	in_tree = xasprintf("%s/%s", shadow_tree, rel);
	if (!under_kvm_dirs(rel) || !is_file(in_tree))
		sb_printf(shadow_names, "%s\n", path + ftw->base);
	free(in_tree);
	return 0;
}

/*
 * The base names ("\nNAME\n...") of the files in overlay @dir that can
 * stand in for a file a unit read from @ksrc: the overlay's include
 * directories come before the tree's, and a quoted include looks in the
 * overlay's KVM directories first.  Those are the files the tree does not
 * have at their path and those outside the KVM directories (which the
 * overlay has only when a patch changes them).
 */
char *overlay_shadows(const char *ksrc, const char *dir)
{
	struct sbuf names = { 0 };

	sb_puts(&names, "\n");
	shadow_names = &names;
	shadow_tree = ksrc;
	shadow_skip = strlen(dir) + 1;
	nftw(dir, add_shadow, 16, FTW_PHYS);
	shadow_names = NULL;
	return names.s;
}

/*
 * Apply @diff to the files in @dir, git apply's way: all or nothing.
 * A patch that does not fit these files (another base, earlier patches
 * missing) is APPLY_MISFIT; one git refuses as such (corrupt, a path
 * outside the directory or beyond a symbolic link) dies: bad input.
 */
enum apply_result overlay_apply(const char *dir, const char *diff,
				int strip, const char *what)
{
	char *p = xasprintf("-p%d", strip), *err = xasprintf("%s.err", diff);
	struct run r = { .cwd = dir, .out = "/dev/null", .err = err,
			 .env = scratch_git_env(dir) };
	static const char *const misfit[] = {
		"patch failed", "patch does not apply", "No such file",
		"does not exist", "already exists", "does not match index",
	};
	char *text, *line;
	size_t i;
	int st = run_cmd(&r, "git", "apply", p, "--whitespace=nowarn", diff,
			 NULL);

	free(p);
	if (!st) {
		free(err);
		return APPLY_OK;
	}
	text = read_file(err, NULL);
	line = text ? text : xstrdup("git apply failed");
	line[strcspn(line, "\n")] = '\0';
	for (i = 0; i < ARRAY_SIZE(misfit); i++)
		if (strstr(line, misfit[i]))
			break;
	if (i == ARRAY_SIZE(misfit))
		die("%s: refused by git apply: %s", what, printable(line));
	free(text);
	free(err);
	return APPLY_MISFIT;
}

/*
 * @rev's arch/x86/kvm, virt/kvm and @files (those it has) into @dir, which
 * is made anew.  False if git cannot give them; a name that is not safe
 * ends the run (exit 2, one line).
 */
bool overlay_from_git(const char *ksrc, const char *rev, const char *dir,
		      char *const *files, int n)
{
	struct argv ls = { 0 }, ar = { 0 };
	struct run in_repo = { .cwd = ksrc };
	char *list, *p, *tar = xasprintf("%s.tar", dir), *o;
	bool ok = false;
	int i, st;

	rm_rf(dir);
	if (mkdir_p(dir))
		goto out;
	av_addv(&ls, "git", "--literal-pathspecs", "ls-tree", "-r", "-z",
		"--name-only", rev, "--", "arch/x86/kvm", "virt/kvm", NULL);
	for (i = 0; i < n; i++)
		av_add(&ls, files[i]);
	list = capture_argv(ls.v, &in_repo, &st);
	o = xasprintf("--output=%s", tar);
	av_addv(&ar, "git", "--literal-pathspecs", "archive", "--format=tar",
		o, rev, "--", NULL);
	free(o);
	/*
	 * never no path: git archive would archive the whole tree; an
	 * unsafe name is refused here, in one line (the scratch goes at exit)
	 */
	for (p = list; !st && *p; p += strlen(p) + 1) {
		if (!safe_tree_path(p))
			die("refused: %s has an unsafe path '%s'", rev,
			    printable(p));
		av_add(&ar, p);
	}
	if (!st && *list && !run_argv(ar.v, &in_repo))
		ok = !run_cmd(NULL, "tar", "-x", "-f", tar, "-C", dir, NULL);
	unlink(tar);
	free(list);
	av_free(&ls);
	av_free(&ar);
out:
	free(tar);
	return ok;
}

/* ---- states of a tree: checked, mapped, compared ---- */

/* The findings of @ksrc with @dir standing in (NULL: the tree itself). */
void check_state(struct options *o, const char *ksrc, const char *dir,
		 struct findings *fs, const char *what, bool is_base)
{
	struct overlay ov = { .dir = dir };
	int failed = check_tree(o, ksrc, dir ? &ov : NULL, fs);
	char *more = failed > 1 ? xasprintf(" (and %d more units)",
					    failed - 1) : "";

	if (!failed)
		return;
	if (is_base)
		die("%s: not checked: the tree does not compile without it: %s%s",
		    what, check_failure(), more);
	die("%s breaks the build, not checked: %s%s", what, check_failure(),
	    more);
}

/* The findings of step @now that step @prev did not have, into @out. */
void step_findings(const struct findings *prev, const struct findings *now,
		   struct findings *out)
{
	findings_new(prev, now, out);
	out->suppressed += now->suppressed > prev->suppressed ?
			   now->suppressed - prev->suppressed : 0;
}

/* The capability map of @ksrc with @ovdir standing in (NULL: the tree). */
void map_tree(struct options *o, const char *ksrc, const char *ovdir,
	      const char *label, struct capmap *cm)
{
	struct sbuf rec = { 0 };
	struct overlay ov = { .dir = ovdir };
	struct model m = { 0 };

	o->records = &rec;
	cm->failed = check_tree(o, ksrc, ovdir ? &ov : NULL, &cm->fs);
	o->records = NULL;
	model_from_records(&m, rec.s);
	build_map(cm, &m, rec.s);
	cm->label = xstrdup(label);
	cm->ksrc = xstrdup(ksrc);
	cm->ovdir = ovdir ? xstrdup(ovdir) : NULL;
	free(rec.s);
}

/* The map of a base, which must compile: a base not checked is no base. */
void map_base(struct options *o, const char *ksrc, const char *ovdir,
	      const char *label, struct capmap *cm)
{
	map_tree(o, ksrc, ovdir, label, cm);
	if (cm->failed)
		die("%s does not compile, nothing to compare with: %s",
		    printable(label), check_failure());
}

