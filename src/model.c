// SPDX-License-Identifier: GPL-2.0
/*
 * The CPUID model of a tree, as the plugin learned it from the code it
 * compiled and wrote it into the records (plugin/record.c): each placed
 * word's function, index, register and place, and for each feature the
 * records name its word, its bit and the name it is filed under.  The
 * tree's headers are never read a second time.
 */
#include <stdlib.h>
#include <string.h>

#include "cpuidcheck.h"

static const struct word *find_word(const struct model *m, const char *name)
{
	return name ? find_named(m->w, m->nw, sizeof(*m->w), name) : NULL;
}

/* The feature @name, by the name written or the name it is filed under. */
const struct fdef *find_def(const struct model *m, const char *name)
{
	const struct fdef *d = find_named(m->f, m->nf, sizeof(*m->f), name);
	int i;

	for (i = 0; !d && i < m->nf; i++)
		if (!strcmp(m->f[i].filed, name))
			d = &m->f[i];
	return d;
}

/* Every unit records the model it saw: the first record of a name wins. */
void model_from_records(struct model *m, const char *records)
{
	char *text = xstrdup(records ? records : ""), *line, *save = NULL;

	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *f[7];
		int n = record_split(line, f, 7);

		if (!strcmp(f[0], "word") && n == 6 && !find_word(m, f[1])) {
			struct word *w;

			m->w = grow(m->w, m->nw, sizeof(*m->w));
			w = &m->w[m->nw++];
			w->name = xstrdup(f[1]);
			w->fn = strtoul(f[2], NULL, 0);
			w->idx = strtoul(f[3], NULL, 0);
			w->reg = atoi(f[4]);
			w->place = xstrdup(f[5]);
		} else if (!strcmp(f[0], "feature") && n == 5) {
			struct fdef *d;

			if (find_named(m->f, m->nf, sizeof(*m->f), f[1]))
				continue;
			m->f = grow(m->f, m->nf, sizeof(*m->f));
			d = &m->f[m->nf++];
			d->name = xstrdup(f[1]);
			d->filed = xstrdup(f[2]);
			/* "?": a word the unit has no name for */
			d->word = strcmp(f[3], "?") ? xstrdup(f[3]) : NULL;
			d->bit = atoi(f[4]);
		}
	}
	free(text);
}

/* The name a feature is filed under: KVM_X86_FEATURE_x -> X86_FEATURE_x */
char *canonical(const struct model *m, const char *name)
{
	const struct fdef *d = find_named(m->f, m->nf, sizeof(*m->f), name);

	return xstrdup(d ? d->filed : name);
}

/* Bit @bit of @word's register, CPUID.(EAX=7,ECX=0):EBX[7], or NULL. */
char *place_of(const struct model *m, const char *word, int bit)
{
	const struct word *w = find_word(m, word);

	return w ? xasprintf("%s[%d]", w->place, bit) : NULL;
}

/* Where @word is, for CPUID order: false if the tree does not place it. */
bool word_at(const struct model *m, const char *word, unsigned long *fn,
	     unsigned long *idx, int *reg)
{
	const struct word *w = find_word(m, word);

	if (!w)
		return false;
	*fn = w->fn;
	*idx = w->idx;
	*reg = w->reg;
	return true;
}
