// SPDX-License-Identifier: GPL-2.0
/*
 * What a patch touches and adds.  The text comes from outside (a mail from
 * a public list): every name is validated here, before anything uses it,
 * and every number is bounded.  Applying the patch is git's job
 * (series.c); this only reads it.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cpuidcheck.h"

static void add_name(struct patch_info *p, const char *f)
{
	int i;

	if (!safe_tree_path(f)) {
		if (!p->bad_name) {
			p->bad_name = xstrdup(f);
			p->bad_why = "names an unsafe path";
		}
		return;
	}
	for (i = 0; i < p->nr_files; i++)
		if (!strcmp(p->files[i], f))
			return;
	p->files = xrealloc(p->files, (p->nr_files + 1) * sizeof(char *));
	p->files[p->nr_files++] = xstrdup(f);
}

/* @s up to a tab or the end, less @strip leading components. */
static char *strip_path(const char *s, int strip)
{
	char *p = strndup(s, strcspn(s, "\t")), *r = p, *out;
	int i;

	if (!p)
		die("out of memory");
	for (i = 0; i < strip && r; i++) {
		r = strchr(r, '/');
		if (r)
			r++;
	}
	out = xstrdup(r ? r : p);
	free(p);
	return out;
}

/* A bounded non-negative number at *@s ("" or junk: @dflt). */
static int number(const char **s, int dflt)
{
	long v = 0;

	if (**s < '0' || **s > '9')
		return dflt;
	while (**s >= '0' && **s <= '9') {
		if (v < INT_MAX / 10)
			v = v * 10 + (**s - '0');
		else
			v = INT_MAX;
		(*s)++;
	}
	return v > INT_MAX / 4 ? INT_MAX / 4 : (int)v;
}

/* "-a[,b] +c[,d] @@": the new start and the lines the hunk spans. */
static bool hunk_header(const char *s, int *new_start, int *left)
{
	int old_len = 1, new_len = 1;

	if (*s++ != '-')
		return false;
	number(&s, 0);
	if (*s == ',') {
		s++;
		old_len = number(&s, 0);
	}
	if (*s++ != ' ' || *s++ != '+')
		return false;
	*new_start = number(&s, 0);
	if (*s == ',') {
		s++;
		new_len = number(&s, 0);
	}
	if (strncmp(s, " @@", 3))
		return false;
	*left = old_len + new_len;
	return true;
}

static void add_line(struct patch_info *p, const char *file, int line,
		     int patch_line, const char *text)
{
	struct added *a;

	p->added = xrealloc(p->added, (p->nr_added + 1) * sizeof(*p->added));
	a = &p->added[p->nr_added++];
	a->file = xstrdup(file);
	a->line = line;
	a->patch_line = patch_line;
	a->text = xstrdup(text);
}

/*
 * A name of a "--- " or "+++ " line.  The first one decides the strip
 * level: a/ and b/ prefixes (git, format-patch) are stripped, bare names
 * (diff -u in the tree's top) are not.
 */
static char *header_name(struct patch_info *p, const char *s)
{
	if (!strncmp(s, "/dev/null", 9) && (!s[9] || s[9] == '\t'))
		return NULL;
	if (*s == '"') {
		/* a name git had to quote: not one a kernel tree has */
		if (!p->bad_name) {
			p->bad_name = xstrdup(s);
			p->bad_why = "names an unsafe path";
		}
		return NULL;
	}
	if (p->strip < 0)
		p->strip = (!strncmp(s, "a/", 2) || !strncmp(s, "b/", 2));
	return strip_path(s, p->strip);
}

/*
 * Files, added lines and their place in @text.  False when there is no
 * hunk at all.  A name that is not safe is kept in @p->bad_name (and not
 * in @p->files): the caller refuses the patch.
 */
bool patch_parse(const char *text, size_t len, struct patch_info *p)
{
	char *copy = strndup(text, len), *line, *next, *file = NULL, *n;
	char *git_name = NULL;
	int ln = 0, newl = 0, left = 0;

	if (!copy)
		die("out of memory");
	memset(p, 0, sizeof(*p));
	p->strip = -1;
	for (line = copy; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		line[strcspn(line, "\r")] = '\0';
		ln++;
		if (left > 0) {
			if (line[0] == '+') {
				if (file)
					add_line(p, file, newl, ln, line + 1);
				newl++;
				left--;
				continue;
			} else if (line[0] == '-') {
				left--;
				continue;
			} else if (line[0] == ' ' || line[0] == '\0') {
				newl++;
				left -= 2;
				continue;
			} else if (line[0] == '\\') {
				continue;
			}
			left = 0;
		}
		if (!strncmp(line, "+++ ", 4) || !strncmp(line, "--- ", 4)) {
			if (!strncmp(line, "--- ", 4) && !strncmp(line + 4,
								 "a/", 2) &&
			    p->strip < 0)
				p->strip = 1;
			n = header_name(p, line + 4);
			if (n) {
				add_name(p, n);
				if (line[0] == '+') {
					free(file);
					file = n;
				} else {
					free(n);
				}
			} else if (line[0] == '+') {
				free(file);
				file = NULL;
			}
		} else if (!strncmp(line, "rename from ", 12) ||
			   !strncmp(line, "rename to ", 10) ||
			   !strncmp(line, "copy from ", 10) ||
			   !strncmp(line, "copy to ", 8)) {
			add_name(p, strchr(strchr(line, ' ') + 1, ' ') + 1);
		} else if (!strncmp(line, "diff --git ", 11)) {
			/* names with spaces or quotes are refused below */
			const char *a = line + 11, *b = strstr(a, " b/");

			if (*a == '"' || !b) {
				add_name(p, a);
				continue;
			}
			n = strndup(a + 2, b - a - 2);
			if (!n)
				die("out of memory");
			free(git_name);
			git_name = xstrdup(b + 3);
			if (strncmp(a, "a/", 2))
				add_name(p, a);
			else
				add_name(p, n);
			add_name(p, b + 3);
			free(n);
		} else if (!strncmp(line, "new file mode 120000", 20) ||
			   !strncmp(line, "new mode 120000", 15)) {
			/* a link a later hunk or patch could write through */
			if (!p->bad_name) {
				p->bad_name = xstrdup(git_name ? git_name :
						      "?");
				p->bad_why = "creates a symbolic link";
			}
		} else if (!strncmp(line, "@@ ", 3) &&
			   hunk_header(line + 3, &newl, &left)) {
			p->hunks++;
		}
	}
	p->lines = ln;
	if (p->strip < 0)
		p->strip = 1;
	free(file);
	free(git_name);
	free(copy);
	return p->hunks > 0 || p->nr_files > 0;
}

void patch_info_free(struct patch_info *p)
{
	int i;

	for (i = 0; i < p->nr_files; i++)
		free(p->files[i]);
	for (i = 0; i < p->nr_added; i++) {
		free(p->added[i].file);
		free(p->added[i].text);
	}
	free(p->files);
	free(p->added);
	free(p->bad_name);
	memset(p, 0, sizeof(*p));
}
