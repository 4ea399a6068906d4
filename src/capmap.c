// SPDX-License-Identifier: GPL-2.0
/*
 * KVM's capability map: each feature with its word and CPUID place, and
 * where the plugin's records (plugin/record.c) say it is declared, set,
 * queried and gates a CR4 bit; the findings about it.
 */
#include <stdlib.h>
#include <string.h>

#include "cpuidcheck.h"

static void add_site(struct sites *s, const char *api, const char *where,
		     const char *file, int line)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].line == line && !strcmp(s->v[i].file, file) &&
		    !strcmp(s->v[i].api, api) &&
		    !strcmp(s->v[i].where, where))
			return;
	s->v = grow(s->v, s->n, sizeof(*s->v));
	s->v[s->n].api = xstrdup(api);
	s->v[s->n].where = xstrdup(where);
	s->v[s->n].file = xstrdup(file);
	s->v[s->n].line = line;
	s->n++;
}

static struct feat *feat_of(struct capmap *cm, const struct model *m,
			    const char *name)
{
	char *c = canonical(m, name);
	struct feat *ft = find_named(cm->v, cm->n, sizeof(*cm->v), c);

	if (ft) {
		free(c);
		return ft;
	}
	cm->v = grow(cm->v, cm->n, sizeof(*cm->v));
	memset(&cm->v[cm->n], 0, sizeof(cm->v[0]));
	cm->v[cm->n].name = c;
	return &cm->v[cm->n++];
}

#define CMP(a, b)	((a) < (b) ? -1 : (a) > (b) ? 1 : 0)

/*
 * CPUID order: by the word's function, index and register, then by bit;
 * features of a word the tree does not place come last, by word name.
 */
static int cmp_feat(const void *a, const void *b)
{
	const struct feat *x = a, *y = b;
	int c = CMP(!x->placed, !y->placed);

	if (!c && x->placed)
		c = CMP(x->fn, y->fn) ? : CMP(x->idx, y->idx) ? :
		    CMP(x->reg, y->reg) ? : CMP(x->bit, y->bit);
	if (!c)
		c = strcmp(x->word ? x->word : "~", y->word ? y->word : "~");
	return c ? c : strcmp(x->name, y->name);
}

void build_map(struct capmap *cm, const struct model *m,
		      const char *records)
{
	char *text = xstrdup(records ? records : ""), *line, *save = NULL;
	int i, j;

	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *f[8];
		int n = record_split(line, f, 8);
		struct feat *ft;

		if (!strcmp(f[0], "declare") && n >= 7) {
			if (f[2][0] == '#')
				continue;
			ft = feat_of(cm, m, f[2]);
			add_site(&ft->decl, f[3], f[1], f[5], atoi(f[6]));
			if (!strcmp(f[4], "kvm_cpu_cap_init"))
				cm->init_era = true;
			if (!ft->word)
				ft->word = xstrdup(f[1]);
		} else if ((!strcmp(f[0], "set") || !strcmp(f[0], "query")) &&
			   n >= 6 && f[1][0] != '#') {
			ft = feat_of(cm, m, f[1]);
			add_site(f[0][0] == 's' ? &ft->set : &ft->query, f[2],
				 f[3], f[4], atoi(f[5]));
		} else if (!strcmp(f[0], "gate") && n >= 6 &&
			   f[2][0] != '#') {
			ft = feat_of(cm, m, f[2]);
			add_site(&ft->gate, f[1], f[3], f[4], atoi(f[5]));
		}
	}
	free(text);
	for (i = 0; i < cm->n; i++) {
		struct feat *ft = &cm->v[i];
		const struct fdef *d = find_def(m, ft->name);

		if (!d)
			continue;
		if (!ft->word && d->word)
			ft->word = xstrdup(d->word);
		ft->place = place_of(m, ft->word, d->bit);
		ft->placed = word_at(m, ft->word, &ft->fn, &ft->idx, &ft->reg);
		ft->bit = d->bit;
	}
	if (cm->n > 1)	/* an empty map has no array for qsort() */
		qsort(cm->v, cm->n, sizeof(*cm->v), cmp_feat);
	for (i = 0; i < cm->fs.n; i++) {
		struct finding *fd = &cm->fs.v[i];

		for (j = 0; fd->feature && j < cm->n; j++) {
			char *c = canonical(m, fd->feature);

			if (!strcmp(c, cm->v[j].name)) {
				struct finding copy = *fd;

				copy.file = xstrdup(fd->file);
				copy.check = xstrdup(fd->check);
				copy.subject = NULL;
				copy.message = xstrdup(fd->message);
				copy.feature = NULL;
				copy.place = NULL;
				copy.fix = NULL;
				copy.source_line = NULL;
				findings_add(&cm->v[j].fs, &copy);
			}
			free(c);
		}
	}
}

const struct feat *find_feat(const struct capmap *cm, const char *n)
{
	return find_named(cm->v, cm->n, sizeof(*cm->v), n);
}

const char *base_name(const char *file)
{
	return starts_with(file, "arch/x86/kvm/") ? file + 13 : file;
}

/* Append each distinct api of @s to @b, separated by @sep. */
static void add_distinct_apis(struct sbuf *b, const struct sites *s,
			      const char *sep)
{
	int i, j;

	for (i = 0; i < s->n; i++) {
		for (j = 0; j < i; j++)
			if (!strcmp(s->v[j].api, s->v[i].api))
				break;
		if (j == i)
			sb_printf(b, "%s%s", b->len ? sep : "", s->v[i].api);
	}
}

/* "F (CPUID_7_0_EBX); kvm_cpu_cap_set in vmx_set_cpu_caps()" */
char *advertised(const struct feat *ft)
{
	struct sbuf b = { 0 };
	int i, j;

	sb_add(&b, "", 0);
	add_distinct_apis(&b, &ft->decl, ", ");
	for (i = 0; i < ft->set.n; i++) {
		const struct site *s = &ft->set.v[i];

		if (!starts_with(s->api, "kvm_cpu_cap_"))
			continue;
		for (j = 0; j < i; j++)
			if (!strcmp(ft->set.v[j].api, s->api) &&
			    !strcmp(ft->set.v[j].where, s->where))
				break;
		if (j == i)
			sb_printf(&b, "%s%s in %s()", b.len ? ", " : "",
				  s->api + 8, s->where);
	}
	if (!b.len)
		sb_puts(&b, "-");
	return b.s;
}

char *gates(const struct feat *ft)
{
	struct sbuf b = { 0 };

	sb_add(&b, "", 0);
	add_distinct_apis(&b, &ft->gate, ",");
	if (!b.len)
		sb_puts(&b, "-");
	return b.s;
}


/*
 * The CR4 bits @ft enumerates and where each is gated: "CR4.SMEP" when
 * both __cr4_reserved_bits() and nested VMX's cr4_fixed1 gate it, else
 * which one does (the ten legacy bits are gated in cr4_fixed1 only,
 * beside the cpuid-cr4 finding that says __cr4_reserved_bits() never is).
 */
char *gating(const struct feat *ft)
{
	struct sbuf b = { 0 };
	int i, j;

	sb_add(&b, "", 0);
	for (i = 0; i < ft->gate.n; i++) {
		bool rb = false, fx = false;

		for (j = 0; j < i; j++)
			if (!strcmp(ft->gate.v[j].api, ft->gate.v[i].api))
				break;
		if (j < i)
			continue;
		for (j = i; j < ft->gate.n; j++) {
			if (strcmp(ft->gate.v[j].api, ft->gate.v[i].api))
				continue;
			rb |= !strcmp(ft->gate.v[j].where, "reserved-bits");
			fx |= !strcmp(ft->gate.v[j].where, "fixed1");
		}
		sb_printf(&b, "%s%s%s", b.len ? ", " : "", ft->gate.v[i].api,
			  rb && fx ? "" : rb ? " (__cr4_reserved_bits only)" :
			  fx ? " (nested cr4_fixed1 only)" : "");
	}
	if (!b.len)
		sb_puts(&b, "-");
	return b.s;
}

