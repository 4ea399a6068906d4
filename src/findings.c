// SPDX-License-Identifier: GPL-2.0
/*
 * Findings: parsed from the plugin's GCC-style lines, merged across units,
 * and matched between two states of a tree (print.c prints them).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cpuidcheck.h"

static bool ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* X86_FEATURE_x or KVM_X86_FEATURE_x, first in @msg */
static char *find_feature(const char *msg)
{
	const char *p = strstr(msg, "X86_FEATURE_"), *s, *e;

	if (!p)
		return NULL;
	s = p;
	while (s > msg && ident_char(s[-1]))
		s--;
	for (e = p; ident_char(*e); e++)
		;
	return strndup(s, e - s);
}

static char *place_at(const char *p)
{
	const char *e = strchr(p, ']');

	if (!e || memchr(p, ' ', e - p))
		return NULL;
	return strndup(p, e + 1 - p);
}

/* The feature's CPUID place: "FEATURE is CPUID...[b]", else the first. */
static char *find_place(const char *msg, const char *feature)
{
	static const char *const after_feature[] = {
		"%s is CPUID", "%s (CPUID",
	};
	const char *p;
	char *pat, *r = NULL;
	size_t i;

	for (i = 0; feature && i < ARRAY_SIZE(after_feature); i++) {
		pat = xasprintf(after_feature[i], feature);
		p = strstr(msg, pat);
		if (p)
			r = place_at(p + strlen(pat) - 5);
		free(pat);
		if (r)
			return r;
	}
	for (p = strstr(msg, "CPUID."); p; p = strstr(p + 1, "CPUID.")) {
		r = place_at(p);
		if (r)
			return r;
	}
	return NULL;
}

/* FILE:LINE:COL: warning|error: MESSAGE [cpuid-CHECK] */
bool parse_finding_line(const char *line, struct finding *f)
{
	const char *p = line, *msg, *tag;
	char *end, *file;
	size_t len = strlen(line);
	long ln, col;

	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		len--;
	if (!len || line[len - 1] != ']')
		return false;
	tag = line + len - 1;
	while (tag > line && *tag != '[')
		tag--;
	if (!starts_with(tag, "[cpuid-") || tag == line || tag[-1] != ' ')
		return false;
	p = strchr(line, ':');
	if (!p || p == line)
		return false;
	file = strndup(line, p - line);
	ln = strtol(p + 1, &end, 10);
	if (end == p + 1 || *end != ':')
		goto bad;
	col = strtol(end + 1, &end, 10);
	if (*end != ':')
		goto bad;
	msg = end + 1;
	if (starts_with(msg, " warning: "))
		msg += 10;
	else if (starts_with(msg, " error: "))
		msg += 8;
	else
		goto bad;
	if (msg >= tag)
		goto bad;
	memset(f, 0, sizeof(*f));
	f->file = file;
	f->line = ln;
	f->column = col;
	f->check = strndup(tag + 1, line + len - 1 - (tag + 1));
	f->message = strndup(msg, tag - 1 - msg);
	f->feature = find_feature(f->message);
	f->place = find_place(f->message, f->feature);
	p = NULL;
	for (msg = strstr(f->message, "; "); msg; msg = strstr(msg + 1, "; "))
		p = msg;
	f->fix = p ? xstrdup(p + 2) : NULL;
	return true;
bad:
	free(file);
	return false;
}

void finding_free(struct finding *f)
{
	free(f->file);
	free(f->check);
	free(f->message);
	free(f->feature);
	free(f->place);
	free(f->fix);
	free(f->source_line);
}

void findings_add(struct findings *fs, struct finding *f)
{
	if (fs->n == fs->size) {
		fs->size = fs->size * 2 + 16;
		fs->v = xrealloc(fs->v, fs->size * sizeof(*fs->v));
	}
	fs->v[fs->n++] = *f;
}

static int cmp_finding(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	int r = strcmp(x->file, y->file);

	if (r)
		return r;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	r = strcmp(x->check, y->check);
	return r ? r : strcmp(x->message, y->message);
}

void findings_sort_unique(struct findings *fs)
{
	int i, j = 0;

	/* no findings: fs->v is NULL, which qsort() may not be given */
	if (fs->n > 1)
		qsort(fs->v, fs->n, sizeof(*fs->v), cmp_finding);
	for (i = 0; i < fs->n; i++) {
		if (j && !cmp_finding(&fs->v[j - 1], &fs->v[i])) {
			finding_free(&fs->v[i]);
			continue;
		}
		fs->v[j++] = fs->v[i];
	}
	fs->n = j;
}

/*
 * What a finding is about, as suppressions name it: CR4.NAME for
 * cpuid-cr4, else the feature (NULL when the message names neither).
 */
char *subject_of(const struct finding *f)
{
	const char *p = strstr(f->message, "CR4.");
	size_t n = 4;

	if (!strcmp(f->check, "cpuid-cr4") && p) {
		while (isalnum((unsigned char)p[n]) || p[n] == '_')
			n++;
		return strndup(p, n);
	}
	return f->feature ? xstrdup(f->feature) : NULL;
}

/* "check\tfile\tmessage", line numbers masked: the same finding moved */
char *finding_key(const struct finding *f)
{
	char *k = xasprintf("%s\t%s\t%s", f->check, f->file, f->message), *p;

	for (p = strstr(k, "line "); p; p = strstr(p + 1, "line ")) {
		char *d = p + 5;

		while (*d >= '0' && *d <= '9')
			*d++ = '#';
	}
	return k;
}


/* finding_key() without the file: the same finding in another file */
char *finding_moved_key(const struct finding *f)
{
	char *k = finding_key(f), *t1 = strchr(k, '\t');
	char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;

	if (t2)
		memmove(t1, t2, strlen(t2) + 1);
	return k;
}

/*
 * The finding of @a that @f is by @key, or NULL.  With @used (a flag for
 * each finding of @a), each finding of @a is matched once: a state with
 * the same finding twice where its base had it once has one new.
 */
const struct finding *findings_match(const struct findings *a,
				     const struct finding *f,
				     char *(*key)(const struct finding *),
				     bool *used)
{
	char *k = key(f);
	const struct finding *m = NULL;
	int j;

	for (j = 0; j < a->n && !m; j++) {
		char *o;

		if (used && used[j])
			continue;
		o = key(&a->v[j]);
		if (!strcmp(k, o)) {
			m = &a->v[j];
			if (used)
				used[j] = true;
		}
		free(o);
	}
	free(k);
	return m;
}

/* The findings of @now that @base does not have, into @out. */
void findings_new(const struct findings *base, const struct findings *now,
		  struct findings *out)
{
	bool *used = xmalloc(base->n + 1);
	int i;

	memset(used, 0, base->n + 1);
	for (i = 0; i < now->n; i++)
		if (!findings_match(base, &now->v[i], finding_key, used))
			findings_add(out, &now->v[i]);
	free(used);
}
