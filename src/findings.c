// SPDX-License-Identifier: GPL-2.0
/*
 * Findings: made from the engines' finding records (records.c), merged
 * across units, and matched between two states of a tree (print.c prints
 * them).
 */
#include <stdlib.h>
#include <string.h>

#include "cpuidcheck.h"

void finding_free(struct finding *f)
{
	free(f->file);
	free(f->check);
	free(f->subject);
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

/* What a finding is about, as suppressions name it (NULL: nothing). */
char *subject_of(const struct finding *f)
{
	return f->subject ? xstrdup(f->subject) : NULL;
}

/* Each run of digits after @mark in @k made '#'s. */
static void mask_numbers_after(char *k, const char *mark)
{
	char *p, *d;

	for (p = strstr(k, mark); p; p = strstr(p + 1, mark))
		for (d = p + strlen(mark); *d >= '0' && *d <= '9'; d++)
			*d = '#';
}

/*
 * "check\tfile\tmessage", line numbers masked ("line N", "FILE.c:N"):
 * the same finding, moved or pointing at code that moved
 */
char *finding_key(const struct finding *f)
{
	char *k = xasprintf("%s\t%s\t%s", f->check, f->file, f->message);

	mask_numbers_after(k, "line ");
	mask_numbers_after(k, ".c:");
	mask_numbers_after(k, ".h:");
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
