// SPDX-License-Identifier: GPL-2.0
/*
 * The maintainer's review aid, built on the plugin's per-unit records
 * (plugin/record.c), merged here:
 *
 *   cpuidcheck map [KSRC]                 KVM's CPUID capability map
 *   cpuidcheck review --trees OLD NEW     how it changed between trees
 *   cpuidcheck review BASE..HEAD [KSRC]   ... per commit of a git range
 *   cpuidcheck review --mbox FILE [KSRC]  ... per patch of a series
 *
 * and the cross-unit check cpuid-undeclared (a feature set or queried
 * but in no kvm_cpu_cap_init() list), which tree mode runs as well.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpuidcheck.h"

/* ---- what the tree's headers say (places, numbers, translations) ---- */

struct word {
	char *name;
	unsigned long fn, idx;
	int reg;			/* 0..3: EAX..EDX */
};

struct fdef {
	char *name;			/* X86_FEATURE_x, KVM_X86_FEATURE_x */
	char *word;			/* word name, or NULL */
	int bit;
};

struct model {
	struct word *w;
	int nw;
	struct fdef *f;
	int nf;
	char **translated;		/* X86_FEATURE_x with a KVM_ twin */
	int nt;
	char **leafs;			/* enum cpuid_leafs, in order */
	int nl;
};

static char *tree_text(const char *ksrc, const char *ovdir, const char *rel)
{
	char *p, *t = NULL;

	if (ovdir) {
		p = xasprintf("%s/%s", ovdir, rel);
		t = read_file(p, NULL);
		free(p);
	}
	if (!t) {
		p = xasprintf("%s/%s", ksrc, rel);
		t = read_file(p, NULL);
		free(p);
	}
	return t;
}

static void *grow(void *v, int n, size_t size)
{
	/* room for one more, in steps of 64 */
	if (n % 64 == 0)
		v = xrealloc(v, (n + 64) * size);
	return v;
}

static char *ident_at(const char *p)
{
	size_t n = 0;

	while (isalnum((unsigned char)p[n]) || p[n] == '_')
		n++;
	return strndup(p, n);
}

/* [CPUID_7_0_EBX] = { 7, 0, CPUID_EBX}, lines of reverse_cpuid[] */
static void parse_places(struct model *m, const char *text)
{
	const char *p = text ? strstr(text, "reverse_cpuid[]") : NULL;
	const char *end = p ? strstr(p, "};") : NULL;

	while (p && (p = strchr(p + 1, '[')) && p < end) {
		char name[64], reg[16];
		unsigned long fn, idx;
		struct word *w;

		if (sscanf(p, "[%63[A-Za-z0-9_]] = { %li , %li , CPUID_%15[A-Z]",
			   name, &fn, &idx, reg) != 4 || strlen(reg) != 3)
			continue;
		m->w = grow(m->w, m->nw, sizeof(*m->w));
		w = &m->w[m->nw++];
		w->name = xstrdup(name);
		w->fn = fn;
		w->idx = idx;
		w->reg = reg[1] - 'A';
		if (reg[1] == 'B')
			w->reg = 1;
		else if (reg[1] == 'C')
			w->reg = 2;
		else if (reg[1] == 'D')
			w->reg = 3;
		else
			w->reg = 0;
	}
}

/* enum cpuid_leafs { CPUID_1_EDX = 0, CPUID_8000_0001_EDX, ... }; */
static void parse_leafs(struct model *m, const char *text)
{
	const char *p = text ? strstr(text, "enum cpuid_leafs") : NULL;
	const char *end = p ? strchr(p, '}') : NULL;

	if (!p)
		return;
	p = strchr(p, '{');
	while (p && p < end) {
		p += strcspn(p, "C}");
		if (p >= end || *p != 'C')
			break;
		if (starts_with(p, "CPUID_")) {
			m->leafs = grow(m->leafs, m->nl, sizeof(char *));
			m->leafs[m->nl++] = ident_at(p);
		}
		p += strcspn(p, ",}");
	}
}

/*
 * #define X86_FEATURE_SMEP ( 9*32+ 7) ...
 * #define X86_FEATURE_SGX1 KVM_X86_FEATURE(CPUID_12_EAX, 0)
 */
static void parse_defines(struct model *m, const char *text)
{
	const char *p = text;

	while (p && (p = strstr(p, "#define ")) != NULL) {
		char *name, word[64];
		int w, b;
		struct fdef f = { 0 };

		p += 8;
		p += strspn(p, " \t");
		if (!starts_with(p, "X86_FEATURE_") &&
		    !starts_with(p, "KVM_X86_FEATURE_"))
			continue;
		name = ident_at(p);
		p += strlen(name);
		p += strspn(p, " \t");
		if (sscanf(p, "( %d * 32 + %d )", &w, &b) == 2 ||
		    sscanf(p, "(%d*32+%d)", &w, &b) == 2) {
			f.word = w >= 0 && w < m->nl ? xstrdup(m->leafs[w]) :
				 NULL;
			f.bit = b;
		} else if (sscanf(p, "KVM_X86_FEATURE( %63[A-Z0-9_] , %d )",
				  word, &b) == 2) {
			f.word = xstrdup(word);
			f.bit = b;
		} else {
			free(name);
			continue;
		}
		f.name = name;
		m->f = grow(m->f, m->nf, sizeof(*m->f));
		m->f[m->nf++] = f;
	}
}

/* __feature_translate(): every KVM_X86_FEATURE_x named in its body */
static void parse_translate(struct model *m, const char *text)
{
	const char *p = text ? strstr(text, "__feature_translate(int") : NULL;
	const char *end = p ? strstr(p, "\n}") : NULL;

	while (p && (p = strstr(p + 1, "KVM_X86_FEATURE_")) && p < end) {
		char *id = ident_at(p);

		m->translated = grow(m->translated, m->nt, sizeof(char *));
		m->translated[m->nt++] = xasprintf("%s", id + 4);
		free(id);
	}
	/* 7.x: KVM_X86_TRANSLATE_FEATURE(SGX1); */
	p = text ? strstr(text, "__feature_translate(int") : NULL;
	while (p && (p = strstr(p + 1, "KVM_X86_TRANSLATE_FEATURE(")) &&
	       p < end) {
		char *id = ident_at(p + 26);

		m->translated = grow(m->translated, m->nt, sizeof(char *));
		m->translated[m->nt++] = xasprintf("X86_FEATURE_%s", id);
		free(id);
	}
}

static void load_model(struct model *m, const char *ksrc, const char *ovdir)
{
	static const char *const files[] = {
		"arch/x86/include/asm/cpufeatures.h",
		"arch/x86/kvm/reverse_cpuid.h",
		"arch/x86/include/asm/kvm_host.h",
	};
	char *t;
	size_t i;

	t = tree_text(ksrc, ovdir, "arch/x86/include/asm/cpufeature.h");
	parse_leafs(m, t);
	free(t);
	for (i = 0; i < ARRAY_SIZE(files); i++) {
		t = tree_text(ksrc, ovdir, files[i]);
		parse_defines(m, t);
		if (i == 1) {
			parse_places(m, t);
			parse_translate(m, t);
		}
		free(t);
	}
}

static const struct fdef *find_def(const struct model *m, const char *name)
{
	int i;

	for (i = 0; i < m->nf; i++)
		if (!strcmp(m->f[i].name, name))
			return &m->f[i];
	return NULL;
}

/* The name a feature is filed under: KVM_X86_FEATURE_x -> X86_FEATURE_x */
static char *canonical(const struct model *m, const char *name)
{
	int i;

	if (starts_with(name, "KVM_X86_FEATURE_"))
		for (i = 0; i < m->nt; i++)
			if (!strcmp(m->translated[i], name + 4))
				return xstrdup(name + 4);
	return xstrdup(name);
}

static bool is_translated(const struct model *m, const char *name)
{
	int i;

	for (i = 0; i < m->nt; i++)
		if (!strcmp(m->translated[i], name))
			return true;
	return false;
}

static bool fn_indexed(unsigned long fn)
{
	static const unsigned long indexed[] = {
		0x4, 0x7, 0xb, 0xd, 0xf, 0x10, 0x12, 0x14, 0x17, 0x18, 0x1b,
		0x1d, 0x1e, 0x1f, 0x20, 0x23, 0x24, 0x8000001d, 0x80000020,
		0x80000026,
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(indexed); i++)
		if (indexed[i] == fn)
			return true;
	return false;
}

/* As plugin/model.c format_place(): CPUID.(EAX=7,ECX=0):EBX[7] */
static char *place_of(const struct model *m, const char *word, int bit)
{
	static const char *const regs[] = { "EAX", "EBX", "ECX", "EDX" };
	char fn[16], idx[16];
	int i;

	for (i = 0; word && i < m->nw; i++) {
		const struct word *w = &m->w[i];

		if (strcmp(w->name, word))
			continue;
		snprintf(fn, sizeof(fn), w->fn > 9 ? "%#lx" : "%lu", w->fn);
		snprintf(idx, sizeof(idx), w->idx > 9 ? "%#lx" : "%lu",
			 w->idx);
		if (fn_indexed(w->fn) || w->idx)
			return xasprintf("CPUID.(EAX=%s,ECX=%s):%s[%d]", fn,
					 idx, regs[w->reg], bit);
		return xasprintf("CPUID.%s:%s[%d]", fn, regs[w->reg], bit);
	}
	return NULL;
}

/* ---- the map ---- */

struct site {
	char *api;			/* API or wrapper */
	char *where;			/* function, or the list's word */
	char *file;
	int line;
};

struct sites {
	struct site *v;
	int n;
};

struct feat {
	char *name;
	char *word;
	char *place;
	struct sites decl, set, query, gate;
	struct findings fs;
	/* where it is, for CPUID order: the word's function, index, register */
	bool placed;
	unsigned long fn, idx;
	int reg, bit;
};

struct capmap {
	struct feat *v;
	int n;
	bool init_era;			/* 6.14+: kvm_cpu_cap_init lists */
	char *label;
	struct findings fs;
	int failed;
	char *ksrc, *ovdir;		/* its files, for quoting them */
};

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
	int i;

	for (i = 0; i < cm->n; i++)
		if (!strcmp(cm->v[i].name, c)) {
			free(c);
			return &cm->v[i];
		}
	cm->v = grow(cm->v, cm->n, sizeof(*cm->v));
	memset(&cm->v[cm->n], 0, sizeof(cm->v[0]));
	cm->v[cm->n].name = c;
	return &cm->v[cm->n++];
}

/* Split @line at tabs into at most @max fields; the count. */
static int split(char *line, char **f, int max)
{
	int n = 0;

	while (n < max) {
		f[n++] = line;
		line = strchr(line, '\t');
		if (!line)
			break;
		*line++ = '\0';
	}
	return n;
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

/* Where @ft's word is: its function, index and register. */
static void place_feat(struct feat *ft, const struct model *m, int bit)
{
	int i;

	for (i = 0; ft->word && i < m->nw; i++)
		if (!strcmp(m->w[i].name, ft->word)) {
			ft->placed = true;
			ft->fn = m->w[i].fn;
			ft->idx = m->w[i].idx;
			ft->reg = m->w[i].reg;
			ft->bit = bit;
			return;
		}
}

static void build_map(struct capmap *cm, const struct model *m,
		      const char *records)
{
	char *text = xstrdup(records ? records : ""), *line, *save = NULL;
	int i, j;

	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *f[8];
		int n = split(line, f, 8);
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
		char *kvm = xasprintf("KVM_%s", ft->name);
		const struct fdef *d = is_translated(m, ft->name) ?
				       find_def(m, kvm) : NULL;

		if (!d)
			d = find_def(m, ft->name);
		if (d && !ft->word && d->word)
			ft->word = xstrdup(d->word);
		if (d) {
			ft->place = place_of(m, ft->word, d->bit);
			place_feat(ft, m, d->bit);
		}
		free(kvm);
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

/* ---- cpuid-undeclared ---- */

/*
 * APIs that make KVM support a feature: they add it to KVM's capabilities
 * or to a vCPU's.  Not the clears, which take away what may never have
 * been there, nor raw cpuid_entry_*() on an entry, which may be the
 * host's CPUID.  A query is no support: a feature KVM never supports is
 * one a vCPU never has (kvm_vcpu_after_set_cpuid(): "a vCPU has a feature
 * if it's supported by KVM and is enabled in guest CPUID"), and KVM asks
 * on purpose (nested SVM clears L1's SKINIT and RDPRU intercepts so).
 */
static bool enabling_api(const char *api)
{
	return !starts_with(api, "cpuid_entry_") && !strstr(api, "clear");
}

static const char *short_name(const char *feature)
{
	const char *s = strstr(feature, "FEATURE_");

	return s ? s + 8 : feature;
}

/* Does @fn enable @g (an enabling API call in that function)? */
static bool enabled_in(const struct feat *g, const char *fn)
{
	int j;

	for (j = 0; j < g->set.n; j++)
		if (enabling_api(g->set.v[j].api) &&
		    !strcmp(g->set.v[j].where, fn))
			return true;
	return false;
}

/*
 * How to declare @ft, which @fn enables: the tree's own convention, the
 * wrapper of the declared features of the same word that @fn enables too
 * (VENDOR_F for those svm_set_cpu_caps() sets), when they agree; and the
 * entry to put it after, the declared feature of the word with the
 * nearest lower bit (the lists are in bit order).
 */
static char *declare_fix(const struct capmap *cm, const struct feat *ft,
			 const char *fn)
{
	const char *wrapper = NULL;
	const struct feat *after = NULL;
	bool agree = true;
	char *pos, *fix;
	int i;

	for (i = 0; ft->word && i < cm->n; i++) {
		const struct feat *g = &cm->v[i];

		if (g == ft || !g->decl.n || !g->word ||
		    strcmp(g->word, ft->word))
			continue;
		if (ft->placed && g->placed && g->bit < ft->bit &&
		    (!after || g->bit > after->bit))
			after = g;
		if (!enabled_in(g, fn))
			continue;
		if (wrapper && strcmp(wrapper, g->decl.v[0].api))
			agree = false;
		wrapper = g->decl.v[0].api;
	}
	if (!wrapper || !agree || !strcmp(wrapper, "-"))
		return xasprintf("declare it in the kvm_cpu_cap_init(%s, ...) list with the wrapper that says how KVM supports it (e.g. VENDOR_F if a vendor module sets it, RUNTIME_F if KVM changes it at run time)",
				 ft->word ? ft->word : "?");
	pos = after ? xasprintf(", after %s(%s) at %s:%d",
				after->decl.v[0].api, short_name(after->name),
				after->decl.v[0].file, after->decl.v[0].line) :
		      xstrdup("");
	fix = xasprintf("declare it %s(%s) in the kvm_cpu_cap_init(%s, ...) list%s, as %s()'s other features of that word are",
			wrapper, short_name(ft->name), ft->word, pos, fn);
	free(pos);
	return fix;
}

/* GCC's column of @name on @file:@line (tabs to 8), or 1. */
static int column_of(const char *ksrc, const char *ovdir, const char *file,
		     int line, const char *name)
{
	char *t = tree_text(ksrc, ovdir, file), *p = t;
	const char *short_name = strstr(name, "FEATURE_");
	int col = 1, l;

	for (l = 1; p && l < line; l++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (p && short_name) {
		char *eol = strchr(p, '\n'), *hit;

		short_name += 8;
		if (eol)
			*eol = '\0';
		hit = strstr(p, short_name);
		while (hit && hit > p && (isalnum((unsigned char)hit[-1]) ||
					  (hit[-1] == '_' &&
					   !(hit - p >= 8 &&
					     starts_with(hit - 8, "FEATURE_")) &&
					   !(hit - p >= 2 &&
					     starts_with(hit - 2, "F(")))))
			hit = strstr(hit + 1, short_name);
		if (hit) {
			char *q;

			/* back to the whole macro name if spelled out */
			while (hit > p && (isalnum((unsigned char)hit[-1]) ||
					   hit[-1] == '_'))
				hit--;
			for (q = p, col = 1; q < hit; q++)
				col = *q == '\t' ? ((col - 1) / 8 + 1) * 8 + 1 :
				      col + 1;
		}
	}
	free(t);
	return col;
}

static void undeclared_of(struct capmap *cm, const char *ksrc,
			  const char *ovdir, struct findings *out)
{
	int i, j;

	if (!cm->init_era)
		return;
	for (i = 0; i < cm->n; i++) {
		struct feat *ft = &cm->v[i];

		if (ft->decl.n)
			continue;
		for (j = 0; j < ft->set.n; j++) {
			const struct site *s = &ft->set.v[j];
			struct finding f = { 0 };

			if (!enabling_api(s->api))
				continue;
			f.file = xstrdup(s->file);
			f.line = s->line;
			f.column = column_of(ksrc, ovdir, f.file, f.line,
					     ft->name);
			f.check = xstrdup("cpuid-undeclared");
			f.feature = xstrdup(ft->name);
			f.place = ft->place ? xstrdup(ft->place) : NULL;
			f.fix = declare_fix(cm, ft, s->where);
			f.message = xasprintf("%s(%s) in %s(): %s%s%s is set by KVM but declared in no kvm_cpu_cap_init() list, the place that names every feature KVM supports (VENDOR_F and RUNTIME_F, which add no bit, exist for features set elsewhere); %s",
					      s->api, ft->name, s->where,
					      ft->name, ft->place ? ", " : "",
					      ft->place ? ft->place : "",
					      f.fix);
			findings_add(out, &f);
		}
	}
}

void undeclared_check(const char *records, const char *ksrc,
		      const char *ovdir, struct findings *fs)
{
	struct model m = { 0 };
	struct capmap cm = { 0 };

	load_model(&m, ksrc, ovdir);
	build_map(&cm, &m, records);
	undeclared_of(&cm, ksrc, ovdir, fs);
}

/* ---- making maps ---- */

static void map_tree(struct options *o, const char *ksrc, const char *ovdir,
		     const char *label, struct capmap *cm)
{
	struct sbuf rec = { 0 };
	struct overlay ov = { .dir = ovdir };
	struct model m = { 0 };

	o->records = &rec;
	cm->failed = check_tree(o, ksrc, ovdir ? &ov : NULL, &cm->fs);
	o->records = NULL;
	load_model(&m, ksrc, ovdir);
	build_map(cm, &m, rec.s);
	cm->label = xstrdup(label);
	cm->ksrc = xstrdup(ksrc);
	cm->ovdir = ovdir ? xstrdup(ovdir) : NULL;
	free(rec.s);
}

static const char *base_name(const char *file)
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
static char *advertised(const struct feat *ft)
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

static char *gates(const struct feat *ft)
{
	struct sbuf b = { 0 };

	sb_add(&b, "", 0);
	add_distinct_apis(&b, &ft->gate, ",");
	if (!b.len)
		sb_puts(&b, "-");
	return b.s;
}

/*
 * --link: the address of a source line, from a template with {path} (the
 * file, relative to the tree), {line} and {rev} (--rev); NULL: plain
 * file:line.
 */
static const char *link_template, *link_rev;

/* @s's address under --link, or NULL */
static char *site_url(const struct site *s)
{
	struct sbuf b = { 0 };
	const char *p;
	char num[16];

	if (!link_template)
		return NULL;
	snprintf(num, sizeof(num), "%d", s->line);
	sb_add(&b, "", 0);
	for (p = link_template; *p; ) {
		if (starts_with(p, "{path}")) {
			sb_puts(&b, s->file);
			p += 6;
		} else if (starts_with(p, "{line}")) {
			sb_puts(&b, num);
			p += 6;
		} else if (starts_with(p, "{rev}")) {
			sb_puts(&b, link_rev ? link_rev : "");
			p += 5;
		} else {
			sb_add(&b, p++, 1);
		}
	}
	return b.s;
}

/* "vmx/vmx.c:7732", or its --link address */
static char *site_ref(const struct site *s)
{
	char *u = site_url(s);

	return u ? u : xasprintf("%s:%d", base_name(s->file), s->line);
}

/*
 * The CR4 bits @ft enumerates and where each is gated: "CR4.SMEP" when
 * both __cr4_reserved_bits() and nested VMX's cr4_fixed1 gate it, else
 * which one does (the ten legacy bits are gated in cr4_fixed1 only,
 * beside the cpuid-cr4 finding that says __cr4_reserved_bits() never is).
 */
static char *gating(const struct feat *ft)
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

static void sb_wrap(struct sbuf *b, int col, const char *text);

static void print_sites_text(FILE *out, const char *what,
			     const struct sites *s, bool api)
{
	int j;

	if (!s->n)
		return;
	fprintf(out, "    %s:", what);
	for (j = 0; j < s->n; j++) {
		char *r = site_ref(&s->v[j]);

		if (api)
			fprintf(out, "%s %s %s", j ? "," : "", s->v[j].api, r);
		else
			fprintf(out, " %s", r);
		free(r);
	}
	fputc('\n', out);
}

static void print_map_text(FILE *out, const struct capmap *cm)
{
	int i, j, nq = 0, nf = 0;

	fprintf(out, "KVM CPUID capability map of %s (%s era)\n\n", cm->label,
		cm->init_era ? "kvm_cpu_cap_init" : "kvm_cpu_cap_mask");
	for (i = 0; i < cm->n; i++) {
		const struct feat *ft = &cm->v[i];
		char *a = advertised(ft), *g = gating(ft);

		fprintf(out, "%s  %s  %s\n", ft->name,
			ft->word ? ft->word : "?", ft->place ? ft->place : "?");
		print_sites_text(out, "declared", &ft->decl, true);
		fprintf(out, "    advertised: %s\n", a);
		print_sites_text(out, "set", &ft->set, true);
		if (ft->query.n) {
			char what[32];

			snprintf(what, sizeof(what), "queried: %d",
				 ft->query.n);
			print_sites_text(out, what, &ft->query, false);
		}
		if (strcmp(g, "-"))
			fprintf(out, "    cr4: %s\n", g);
		for (j = 0; j < ft->fs.n; j++) {
			struct sbuf b = { 0 };
			char *p;

			/* wrapped as a mail is, indented under the row */
			sb_add(&b, "", 0);
			sb_wrap(&b, 0, ft->fs.v[j].message);
			fprintf(out, "    finding: %s:%d: [%s]\n",
				base_name(ft->fs.v[j].file), ft->fs.v[j].line,
				ft->fs.v[j].check);
			for (p = strtok(b.s, "\n"); p; p = strtok(NULL, "\n"))
				fprintf(out, "        %s\n", p);
			free(b.s);
		}
		nq += ft->query.n;
		nf += ft->fs.n;
		free(a);
		free(g);
	}
	fprintf(out, "\n%d features, %d query sites, %d findings on features\n",
		cm->n, nq, nf);
}

static void json_sites(FILE *out, const char *key, const char *where,
		       const struct sites *s)
{
	int i;

	fprintf(out, ", \"%s\": [", key);
	for (i = 0; i < s->n; i++) {
		char *u = site_url(&s->v[i]);

		fprintf(out, "%s{\"api\": ", i ? ", " : "");
		json_str(out, s->v[i].api);
		fprintf(out, ", \"%s\": ", where);
		json_str(out, s->v[i].where);
		fputs(", \"file\": ", out);
		json_str(out, s->v[i].file);
		fprintf(out, ", \"line\": %d", s->v[i].line);
		if (u) {
			fputs(", \"url\": ", out);
			json_str(out, u);
		}
		fputc('}', out);
		free(u);
	}
	fputc(']', out);
}

static const char *const reg_names[] = { "EAX", "EBX", "ECX", "EDX" };

static void print_map_json(FILE *out, const struct capmap *cm)
{
	int i, j;

	fputs("{\"schema\": \"cpuidcheck-map/1\", \"tree\": ", out);
	json_str(out, cm->label);
	fprintf(out, ", \"era\": \"%s\", \"features\": [",
		cm->init_era ? "kvm_cpu_cap_init" : "kvm_cpu_cap_mask");
	for (i = 0; i < cm->n; i++) {
		const struct feat *ft = &cm->v[i];
		char *a = advertised(ft), *g = gates(ft), *gt = gating(ft);

		fprintf(out, "%s\n {\"name\": ", i ? "," : "");
		json_str(out, ft->name);
		fputs(", \"word\": ", out);
		json_str(out, ft->word);
		fputs(", \"place\": ", out);
		json_str(out, ft->place);
		if (ft->placed)
			fprintf(out, ", \"function\": %lu, \"index\": %lu, \"register\": \"%s\", \"bit\": %d",
				ft->fn, ft->idx, reg_names[ft->reg], ft->bit);
		fputs(", \"advertised\": ", out);
		json_str(out, a);
		fputs(", \"gates\": ", out);
		json_str(out, g);
		fputs(", \"gating\": ", out);
		json_str(out, gt);
		fprintf(out, ", \"query_count\": %d", ft->query.n);
		json_sites(out, "declared", "word", &ft->decl);
		json_sites(out, "set", "function", &ft->set);
		json_sites(out, "queries", "function", &ft->query);
		json_sites(out, "cr4", "kind", &ft->gate);
		fputs(", \"findings\": [", out);
		for (j = 0; j < ft->fs.n; j++) {
			fprintf(out, "%s{\"check\": ", j ? ", " : "");
			json_str(out, ft->fs.v[j].check);
			fputs(", \"file\": ", out);
			json_str(out, ft->fs.v[j].file);
			struct site at = { .file = ft->fs.v[j].file,
					   .line = ft->fs.v[j].line };
			char *u = site_url(&at);

			fprintf(out, ", \"line\": %d, \"message\": ",
				ft->fs.v[j].line);
			json_str(out, ft->fs.v[j].message);
			if (u) {
				fputs(", \"url\": ", out);
				json_str(out, u);
			}
			fputc('}', out);
			free(u);
		}
		fputs("]}", out);
		free(a);
		free(g);
		free(gt);
	}
	fprintf(out, "\n], \"findings\": %d}\n", cm->fs.n);
}

static const char html_head[] =
"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
"<title>cpuidcheck map</title>\n<style>\n"
"body{font:13px sans-serif;margin:1em}\n"
"table{border-collapse:collapse;width:100%}\n"
"td:nth-child(-n+3){white-space:nowrap}\n"
"th,td{border:1px solid #ccc;padding:2px 6px;vertical-align:top}\n"
"th{background:#eee;cursor:pointer;position:sticky;top:0}\n"
"th[aria-sort=ascending]::after{content:\" \\25b2\"}\n"
"th[aria-sort=descending]::after{content:\" \\25bc\"}\n"
"td.f{background:#fdd;white-space:pre-line}\n"
"label{margin-right:1em}\n"
"code{font-size:12px}\n</style></head><body>\n"
"<h1>KVM CPUID capability map</h1>\n<p id=\"what\"></p>\n"
"<p><input id=\"filter\" placeholder=\"filter (any column)\" size=\"40\">\n"
"<label>wrapper <select id=\"f-wrapper\"></select></label>\n"
"<label>code <select id=\"f-vendor\"></select></label>\n"
"<label>queried <select id=\"f-query\"></select></label>\n"
"<label>findings <select id=\"f-findings\"></select></label>\n"
"<span id=\"count\"></span></p>\n<table id=\"map\"><thead><tr>\n"
"<th>feature</th><th>word</th><th>CPUID place</th><th>declared</th>\n"
"<th>advertised</th><th>set sites</th><th>queries</th><th>query sites</th>\n"
"<th>CR4</th><th>findings</th>\n"
"</tr></thead><tbody></tbody></table>\n<script>\nconst MAP = ";

/*
 * The page's script.  A cell is a list of parts: text, or a site
 * {text, url} that is a link when cpuidcheck map --link gave it an
 * address.  The filters: wrapper (how it is declared), code (vendor
 * directory of any declaration, set or query site: vmx, tdx, svm, sev,
 * common), queried (guest: guest_* and governed-feature APIs; host:
 * KVM's own capabilities, kvm_cpu_cap_*; entry: cpuid_entry_* on a raw
 * entry) and findings (by check).
 */
static const char html_tail[] =
";\n"
"const tb = document.querySelector('#map tbody');\n"
"const short = p => p.replace('arch/x86/kvm/', '');\n"
"const site = s => ({text: short(s.file) + ':' + s.line, url: s.url});\n"
"const join = (l, sep) => l.flatMap((x, i) => i ? [sep].concat(x) : x);\n"
"const cols = f => [[f.name], [f.word || ''], [f.place || ''],\n"
" join(f.declared.map(d => [d.api + ' ', site(d)]), '; '),\n"
" [f.advertised], join(f.set.map(d => [d.api + ' ', site(d)]), '; '),\n"
" [String(f.query_count)], join(f.queries.map(q => [site(q)]), ' '),\n"
" [f.gating], join(f.findings.map(x => [{text: '[' + x.check + ']',\n"
" url: x.url}, ' ' + x.message]), '\\n')];\n"
"const vendor = p => { p = short(p);\n"
" if (/^vmx\\/tdx/.test(p)) return 'tdx';\n"
" if (/^svm\\/sev/.test(p)) return 'sev';\n"
" const m = p.match(/^(vmx|svm)\\//); return m ? m[1] : 'common'; };\n"
"const qkind = a => /^(guest_|kvm_governed_)/.test(a) ? 'guest' :\n"
" /^kvm_cpu_cap_/.test(a) ? 'host' : 'entry';\n"
"const facets = f => ({\n"
" wrapper: f.declared.length ? f.declared.map(d => d.api) :\n"
"  ['(not declared)'],\n"
" vendor: f.declared.concat(f.set, f.queries).map(s => vendor(s.file)),\n"
" query: f.queries.length ? f.queries.map(q => qkind(q.api)) :\n"
"  ['(never)'],\n"
" findings: f.findings.length ? f.findings.map(x => x.check) :\n"
"  ['(none)']});\n"
"let rows = MAP.features.map(f => {\n"
" const tr = document.createElement('tr');\n"
" cols(f).forEach((parts, i) => { const td = document.createElement('td');\n"
"  parts.forEach(p => { if (typeof p == 'string') td.append(p);\n"
"   else if (p.url) { const a = document.createElement('a');\n"
"    a.href = p.url; a.textContent = p.text; td.append(a); }\n"
"   else td.append(p.text); });\n"
"  if (i == 9 && td.textContent) td.className = 'f';\n"
"  tr.appendChild(td); });\n"
" tr.dataset.text = tr.textContent.toLowerCase();\n"
" tr.facets = facets(f); return tr; });\n"
"const sel = {wrapper: 'f-wrapper', vendor: 'f-vendor', query: 'f-query',\n"
" findings: 'f-findings'};\n"
"for (const k in sel) { const s = document.getElementById(sel[k]);\n"
" const seen = [...new Set(rows.flatMap(r => r.facets[k]))].sort();\n"
" ['(any)'].concat(seen).forEach(v => { const o =\n"
"  document.createElement('option'); o.value = o.textContent = v;\n"
"  s.appendChild(o); }); s.onchange = show; }\n"
"let key = -1, dir = 1;\n"
"function show() {\n"
" const q = document.getElementById('filter').value.toLowerCase();\n"
" const want = {}; for (const k in sel)\n"
"  want[k] = document.getElementById(sel[k]).value;\n"
" let n = 0; tb.textContent = '';\n"
" rows.forEach(tr => { if (tr.dataset.text.includes(q) &&\n"
"  Object.keys(sel).every(k => want[k] == '(any)' ||\n"
"   tr.facets[k].includes(want[k]))) {\n"
"  tb.appendChild(tr); n++; } });\n"
" document.getElementById('count').textContent = n + ' of ' +\n"
"  rows.length + ' features';\n"
"}\n"
"const ths = document.querySelectorAll('#map th');\n"
"ths.forEach((th, i) => th.onclick = () => {\n"
" dir = key == i ? -dir : 1; key = i;\n"
" ths.forEach((h, j) => j == i ? h.setAttribute('aria-sort', dir > 0 ?\n"
"  'ascending' : 'descending') : h.removeAttribute('aria-sort'));\n"
" rows.sort((a, b) => { const x = a.cells[i].textContent,\n"
"  y = b.cells[i].textContent; return dir * (i == 6 ? x - y :\n"
"  x.localeCompare(y)); }); show(); });\n"
"const f = document.getElementById('filter');\n"
"f.oninput = show;\n"
"const m = location.hash.match(/filter=([^&]*)/);\n"
"if (m) try { f.value = decodeURIComponent(m[1]); }\n"
" catch (e) { f.value = m[1]; }\n"
"const s = location.hash.match(/sort=(\\d+)/);\n"
"if (s && ths[+s[1]]) ths[+s[1]].click();\n"
"document.getElementById('what').textContent = MAP.tree + ' (' +\n"
" MAP.era + ' era), ' + MAP.findings + ' findings';\n"
"show();\n</script></body></html>\n";

static void print_map_html(FILE *out, const struct capmap *cm)
{
	char *json = NULL, *p;
	size_t len = 0;
	FILE *mem = open_memstream(&json, &len);

	print_map_json(mem, cm);
	fclose(mem);
	fputs(html_head, out);
	/*
	 * No "</script" or "<!--" inside the script element: '<' occurs
	 * only in JSON strings, where \u003c means the same.
	 */
	for (p = json; *p; p++) {
		if (*p == '<')
			fputs("\\u003c", out);
		else
			fputc(*p, out);
	}
	fputs(html_tail, out);
	free(json);
}

/* ---- what changed between two maps ---- */

struct change {
	int added, removed, rewrapped, queries, cr4, introduced, fixed;
	int worst;			/* 0 pass, 1 warn, 2 fail */
	struct sbuf text;
	struct sbuf reply;		/* --format=reply: quotes, findings */
};

/* review --format=reply: text to paste into a reply to the patch */
static bool reply_format;

/* @text wrapped at 72 columns, as a mail is, from column @col */
static void sb_wrap(struct sbuf *b, int col, const char *text)
{
	while (*text) {
		size_t n = strcspn(text, " ");

		if (col && col + 1 + (int)n > 72) {
			sb_puts(b, "\n");
			col = 0;
		} else if (col) {
			sb_puts(b, " ");
			col++;
		}
		sb_add(b, text, n);
		col += n;
		text += n;
		while (*text == ' ')
			text++;
	}
	sb_puts(b, "\n");
}

/*
 * The finding @f of map @now for a reply: its line and the one before,
 * quoted ("> "), then the finding under them, its fix on a line of its
 * own, as a maintainer answers a patch.
 */
static void reply_finding(struct sbuf *b, const struct capmap *now,
			  const struct finding *f)
{
	char *t = tree_text(now->ksrc, now->ovdir, f->file), *p = t;
	char *body, *fix = f->fix;
	int l;

	for (l = 1; p && l < f->line - 1; l++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	for (; p && *p && l <= f->line; l++) {
		size_t n = strcspn(p, "\n");

		while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (l >= f->line - 1) {
			sb_puts(b, n ? "> " : ">");
			sb_add(b, p, n);
			sb_puts(b, "\n");
		}
		p += strcspn(p, "\n");
		if (*p)
			p++;
	}
	free(t);
	body = fix ? strndup(f->message, strlen(f->message) - strlen(fix)) :
	       xstrdup(f->message);
	l = strlen(body);
	while (fix && l && (body[l - 1] == ' ' || body[l - 1] == ';'))
		body[--l] = '\0';
	l = b->len;
	sb_printf(b, "\n%s:%d: [%s]", f->file, f->line, f->check);
	sb_wrap(b, b->len - l - 1, body);
	if (fix) {
		sb_puts(b, "Fix:");
		sb_wrap(b, 4, fix);
	}
	sb_puts(b, "\n");
	free(body);
}

static const struct feat *find_feat(const struct capmap *cm, const char *n)
{
	int i;

	for (i = 0; i < cm->n; i++)
		if (!strcmp(cm->v[i].name, n))
			return &cm->v[i];
	return NULL;
}

static bool has_site(const struct sites *s, const char *api,
		     const char *where)
{
	int i;

	for (i = 0; s && i < s->n; i++)
		if (!strcmp(s->v[i].api, api) && !strcmp(s->v[i].where, where))
			return true;
	return false;
}

/* finding_key() without the file: the same finding in another file */
static char *moved_key(const struct finding *f)
{
	char *k = finding_key(f), *t1 = strchr(k, '\t');
	char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;

	if (t2)
		memmove(t1, t2, strlen(t2) + 1);
	return k;
}

/* the finding of @a that @f is, by @key; NULL when none */
static const struct finding *match_finding(const struct findings *a,
					   const struct finding *f,
					   char *(*key)(const struct finding *))
{
	char *k = key(f);
	const struct finding *m = NULL;
	int j;

	for (j = 0; j < a->n && !m; j++) {
		char *o = key(&a->v[j]);

		if (!strcmp(k, o))
			m = &a->v[j];
		free(o);
	}
	free(k);
	return m;
}

static void diff_findings(const struct findings *a, const struct findings *b,
			  const char *what, int *count, struct change *c,
			  const struct capmap *now)
{
	const struct finding *m;
	int i;

	for (i = 0; i < b->n; i++) {
		if (match_finding(a, &b->v[i], finding_key))
			continue;
		/*
		 * The code it is about moved to another file (6.14 moved
		 * __cr4_reserved_bits() from x86.h to regs.h): neither new
		 * nor fixed.  Said once, on the "introduced" side.
		 */
		m = match_finding(a, &b->v[i], moved_key);
		if (m) {
			if (*what == 'i')
				sb_printf(&c->text, "  = moved %s:%d -> %s:%d: %s [%s]\n",
					  m->file, m->line, b->v[i].file,
					  b->v[i].line, b->v[i].message,
					  b->v[i].check);
			continue;
		}
		(*count)++;
		sb_printf(&c->text, "  %s %s:%d:%d: %s [%s]\n", what,
			  b->v[i].file, b->v[i].line, b->v[i].column,
			  b->v[i].message, b->v[i].check);
		if (now)
			reply_finding(&c->reply, now, &b->v[i]);
		if (*what == 'i') {
			int w = !strcmp(b->v[i].check, "cpuid-leaf") ||
				!strcmp(b->v[i].check, "cpuid-alias") ? 2 : 1;

			if (w > c->worst)
				c->worst = w;
		}
	}
}

static void diff_sites(const char *name, const struct sites *a,
		       const struct sites *b, const char *sign,
		       const char *what, int *count, struct sbuf *t)
{
	int i, j;

	for (i = 0; b && i < b->n; i++) {
		for (j = 0; j < i; j++)
			if (!strcmp(b->v[j].api, b->v[i].api) &&
			    !strcmp(b->v[j].where, b->v[i].where))
				break;
		if (j < i || has_site(a, b->v[i].api, b->v[i].where))
			continue;
		(*count)++;
		sb_printf(t, "  %s %s %s: %s(%s) in %s (%s:%d)\n", sign, what,
			  name, b->v[i].api, name, b->v[i].where,
			  base_name(b->v[i].file), b->v[i].line);
	}
}

/*
 * advertised() of @f, with 6.1-6.13's kvm_set_cpu_caps() spelled as its
 * 6.14+ name kvm_initialize_cpu_caps(): the same function renamed is no
 * change in how a feature is advertised.
 */
static char *advertised_cmp(const struct feat *f)
{
	static const char old[] = "kvm_set_cpu_caps()";
	static const char now[] = "kvm_initialize_cpu_caps()";
	char *s = advertised(f), *p;
	struct sbuf b = { 0 };

	sb_add(&b, "", 0);
	for (p = s; *p; ) {
		if (starts_with(p, old)) {
			sb_puts(&b, now);
			p += strlen(old);
		} else {
			sb_add(&b, p++, 1);
		}
	}
	free(s);
	return b.s;
}

static void print_rewrap(const struct feat *o, const struct feat *f,
			 struct change *c)
{
	char *x = advertised(o), *y = advertised(f);

	sb_printf(&c->text, "  ~ re-wrapped %s: %s -> %s\n", f->name, x, y);
	c->rewrapped++;
	free(x);
	free(y);
}

static void diff_maps(const struct capmap *a, const struct capmap *b,
		      struct change *c)
{
	int i, k;

	sb_add(&c->text, "", 0);
	/* a unit that does not compile records little: its "-" are not real */
	if (b->failed) {
		sb_printf(&c->text, "  ! %d unit%s did not compile: features, queries and findings of %s may be missing\n",
			  b->failed, b->failed == 1 ? "" : "s",
			  b->failed == 1 ? "it" : "them");
		if (c->worst < 1)
			c->worst = 1;
	}
	for (k = 0; k < 2; k++) {
		const struct capmap *x = k ? a : b, *y = k ? b : a;

		for (i = 0; i < x->n; i++) {
			const struct feat *f = &x->v[i];
			const struct feat *other = find_feat(y, f->name);
			char *adv;

			if (!f->decl.n || (other && other->decl.n))
				continue;
			/*
			 * Declared on one side, set at runtime on the other:
			 * advertised both times, only differently.
			 */
			adv = other ? advertised(other) : NULL;
			if (adv && strcmp(adv, "-")) {
				free(adv);
				print_rewrap(k ? f : other, k ? other : f, c);
				continue;
			}
			free(adv);
			adv = advertised(f);
			sb_printf(&c->text, "  %s feature %s: %s %s, %s\n",
				  k ? "-" : "+", f->name,
				  f->word ? f->word : "?",
				  f->place ? f->place : "?", adv);
			free(adv);
			if (k)
				c->removed++;
			else
				c->added++;
		}
	}
	for (i = 0; i < b->n; i++) {
		const struct feat *f = &b->v[i], *o = find_feat(a, f->name);
		char *x, *y;

		if (!o)
			continue;
		x = advertised_cmp(o);
		y = advertised_cmp(f);
		if (o->decl.n && f->decl.n && strcmp(x, y))
			print_rewrap(o, f, c);
		free(x);
		free(y);
		x = gates(o);
		y = gates(f);
		if (strcmp(x, y)) {
			sb_printf(&c->text, "  ~ CR4 gating of %s: %s -> %s\n",
				  f->name, x, y);
			c->cr4++;
		}
		free(x);
		free(y);
	}
	for (i = 0; i < a->n; i++) {
		const struct feat *o = &a->v[i];

		if (!find_feat(b, o->name) && o->gate.n) {
			char *x = gates(o);

			sb_printf(&c->text, "  ~ CR4 gating of %s: %s -> -\n",
				  o->name, x);
			c->cr4++;
			free(x);
		}
	}
	for (i = 0; i < b->n; i++) {
		const struct feat *f = &b->v[i], *o = find_feat(a, f->name);

		diff_sites(f->name, o ? &o->query : NULL, &f->query, "+",
			   "query of", &c->queries, &c->text);
	}
	for (i = 0; i < a->n; i++) {
		const struct feat *o = &a->v[i], *f = find_feat(b, o->name);

		diff_sites(o->name, f ? &f->query : NULL, &o->query, "-",
			   "query of", &c->queries, &c->text);
	}
	diff_findings(&a->fs, &b->fs, "introduced", &c->introduced, c, b);
	diff_findings(&b->fs, &a->fs, "fixed", &c->fixed, c, NULL);
}

static char *change_summary(const struct change *c)
{
	return xasprintf("%d finding%s introduced, %d fixed; features +%d -%d, %d re-wrapped, %d query site%s changed, %d CR4 gating change%s",
			 c->introduced, c->introduced == 1 ? "" : "s",
			 c->fixed, c->added, c->removed, c->rewrapped,
			 c->queries, c->queries == 1 ? "" : "s", c->cr4,
			 c->cr4 == 1 ? "" : "s");
}

struct step {
	char *title;
	struct change c;
	bool broken;			/* did not apply or compile */
	bool unchecked;			/* ... only a warning: see below */
	char *why;			/* ... and why, when broken */
};

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

static void print_steps(FILE *out, struct step *s, int n, enum format fmt)
{
	static const char *const status[] = { "pass", "warn", "fail" };
	int i;

	if (fmt == FMT_B4 || fmt == FMT_JSON)
		fputs("[", out);
	for (i = 0; i < n; i++) {
		char *sum = s[i].broken ? xstrdup(s[i].why) :
			    change_summary(&s[i].c);

		if (fmt == FMT_B4 || fmt == FMT_JSON) {
			fprintf(out, "%s\n {\"tool\": \"cpuidcheck\", \"status\": \"%s\", \"summary\": ",
				i ? "," : "",
				s[i].unchecked ? "warn" : s[i].broken ? "fail" :
				status[s[i].c.worst]);
			json_str(out, sum);
			fputs(", \"patch\": ", out);
			json_str(out, s[i].title);
			fputs(", \"details\": ", out);
			json_str(out, s[i].c.text.s ? s[i].c.text.s : "");
			fputc('}', out);
		} else if (reply_format) {
			/* a reply: the patch, then each finding under its line */
			fprintf(out, "%s%s\n\n", i ? "\n" : "", s[i].title);
			if (s[i].broken)
				fprintf(out, "It %s.\n", s[i].why);
			else if (s[i].c.reply.s)
				fputs(s[i].c.reply.s, out);
			else
				fputs("No CPUID findings introduced.\n", out);
		} else {
			fprintf(out, "%s%s\n  %s\n%s", i ? "\n" : "",
				s[i].title, sum,
				s[i].c.text.s ? s[i].c.text.s : "");
		}
		free(sum);
	}
	if (fmt == FMT_B4 || fmt == FMT_JSON)
		fputs("\n]\n", out);
}

static int steps_status(struct step *s, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if ((s[i].broken && !s[i].unchecked) || s[i].c.introduced)
			return EXIT_FINDINGS;
	return EXIT_CLEAN;
}

/* ---- review modes ---- */

static void map_base(struct options *o, const char *ksrc, const char *ovdir,
		     const char *label, struct capmap *cm);

static int review_trees(struct options *o, const char *old, const char *new)
{
	char *a = tree_root(old), *b = tree_root(new);
	struct capmap ma = { 0 }, mb = { 0 };
	struct step s = { 0 };

	map_base(o, a, NULL, a, &ma);
	map_base(o, b, NULL, b, &mb);
	diff_maps(&ma, &mb, &s.c);
	s.title = xasprintf("%s -> %s (%d -> %d features, %d -> %d findings)",
			    a, b, ma.n, mb.n, ma.fs.n, mb.fs.n);
	print_steps(stdout, &s, 1, o->format);
	return steps_status(&s, 1);
}

/* The map of a base, which must compile: a base not checked is no base. */
static void map_base(struct options *o, const char *ksrc, const char *ovdir,
		     const char *label, struct capmap *cm)
{
	map_tree(o, ksrc, ovdir, label, cm);
	if (cm->failed)
		die("%s does not compile, nothing to compare with: %s",
		    printable(label), check_failure());
}

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

static int review_range(struct options *o, const char *ksrc,
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
	print_steps(stdout, s, n, o->format);
	return steps_status(s, n);
}

static int review_mbox(struct options *o, const char *ksrc, const char *mbox)
{
	char *scratch = scratch_dir("review"), *dir;
	struct capmap prev = { 0 };
	struct series se;
	struct step *s = NULL;
	char **files = NULL;
	int n = 0, nfiles = 0, i, k;

	dir = xasprintf("%s/tree", scratch);
	/*
	 * A lone mail without a "From " line is a mailbox too (b4's check
	 * commands get one patch that way on stdin); git mailinfo gives
	 * each mail's subject unfolded and decoded, and its patch as git am
	 * would apply it (empty for a cover letter).
	 */
	series_read(&se, mbox, strcmp(mbox, "-") ? mbox : "--mbox -", scratch);
	for (i = 0; i < se.n; i++) {
		for (k = 0; k < se.v[i].pi.nr_files; k++) {
			files = xrealloc(files, (nfiles + 1) * sizeof(*files));
			files[nfiles++] = se.v[i].pi.files[k];
		}
	}
	if (!nfiles) {
		/* e.g. the cover letter b4 gives a series check command */
		if (o->format == FMT_TEXT)
			die("--mbox %s: no patch in it", mbox);
		print_steps(stdout, NULL, 0, o->format);
		return EXIT_CLEAN;
	}
	if (!overlay_copy(ksrc, dir, files, nfiles))
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
	print_steps(stdout, s, n, o->format);
	return steps_status(s, n);
}

static const char review_usage[] =
"usage: cpuidcheck map [--format=text|json|html] [--link=URL --rev=REV] [KSRC]\n"
"       cpuidcheck review --trees OLD NEW [--format=text|json|b4|reply]\n"
"       cpuidcheck review BASE..HEAD [KSRC] [--format=text|json|b4|reply]\n"
"       cpuidcheck review --mbox FILE|- [KSRC] [--format=text|json|b4|reply]\n";

int review_main(struct options *o, int argc, char **argv)
{
	const char *cmd = argv[0], *v, *mbox = NULL, *args[3];
	bool trees = false;
	int i, nargs = 0;
	char *ksrc;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(review_usage, stdout);
			return 0;
		} else if (opt("--format", argc, argv, &i, &v)) {
			if (!strcmp(v, "html") && !strcmp(cmd, "map"))
				o->format = FMT_HTML;
			else if (!strcmp(v, "b4") && !strcmp(cmd, "review"))
				o->format = FMT_B4;
			else if (!strcmp(v, "reply") && !strcmp(cmd, "review"))
				reply_format = true;
			else if (!strcmp(v, "json") || !strcmp(v, "text"))
				o->format = parse_format(v);
			else
				usage_error("unknown format '%s' here", v);
		} else if (opt("--mbox", argc, argv, &i, &v)) {
			mbox = v;
		} else if (opt("--link", argc, argv, &i, &v)) {
			if (!strstr(v, "{path}") || !strstr(v, "{line}"))
				usage_error("--link '%s' wants {path} and {line}",
					    v);
			link_template = v;
		} else if (opt("--rev", argc, argv, &i, &v)) {
			link_rev = v;
		} else if (opt("--plugin", argc, argv, &i, &v)) {
			o->plugin = v;
		} else if (opt("--jobs", argc, argv, &i, &v) ||
			   opt("-j", argc, argv, &i, &v)) {
			o->jobs = atoi(v);
		} else if (!strcmp(argv[i], "--trees")) {
			trees = true;
		} else if (!strcmp(argv[i], "--no-config")) {
			o->no_config = true;
		} else if (!strcmp(argv[i], "--rebuild")) {
			o->rebuild = true;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			usage_error("unknown option '%s'", argv[i]);
		} else if (nargs == 3) {
			usage_error("too many arguments ('%s')", argv[i]);
		} else {
			args[nargs++] = argv[i];
		}
	}
	for (i = 0; i < nargs; i++)
		if (access(args[i], F_OK) && !strstr(args[i], ".."))
			die("%s: no such file or directory", args[i]);
	if (!strcmp(cmd, "merge")) {
		struct findings fs = { 0 };
		char *rec;

		/* cpuidcheck merge RECDIR: cpuid-undeclared over the records */
		if (nargs != 1)
			usage_error("merge wants one directory of .rec files%s",
				    "");
		rec = read_records(args[0]);
		undeclared_check(rec, ".", NULL, &fs);
		findings_sort_unique(&fs);
		print_findings(stdout, &fs, FMT_TEXT, NULL, 0);
		return fs.n ? EXIT_FINDINGS : EXIT_CLEAN;
	}
	if (!strcmp(cmd, "map") || !strcmp(cmd, "records")) {
		struct capmap cm = { 0 };
		struct sbuf rec = { 0 };

		if (nargs > 1)
			usage_error("map takes one tree, not '%s'", args[1]);
		ksrc = tree_root(nargs ? args[0] : ".");
		load_tree_config(o, ksrc);
		if (!strcmp(cmd, "records")) {
			o->records = &rec;
			if (check_tree(o, ksrc, NULL, &cm.fs))
				die("not checked: %s", check_failure());
			fputs(rec.s ? rec.s : "", stdout);
			return 0;
		}
		if (link_template && strstr(link_template, "{rev}") &&
		    !link_rev)
			usage_error("--link uses {rev}: give --rev%s", "");
		map_base(o, ksrc, NULL, ksrc, &cm);
		if (o->format == FMT_JSON)
			print_map_json(stdout, &cm);
		else if (o->format == FMT_HTML)
			print_map_html(stdout, &cm);
		else
			print_map_text(stdout, &cm);
		/* findings are part of the map (map_base() dies on a hole) */
		return EXIT_CLEAN;
	}
	if (trees) {
		if (nargs != 2 || mbox)
			usage_error("%s wants two trees: OLD NEW", "--trees");
		return review_trees(o, args[0], args[1]);
	}
	if (mbox) {
		ksrc = tree_root(nargs ? args[0] : ".");
		load_tree_config(o, ksrc);
		return review_mbox(o, ksrc, mbox);
	}
	if (!nargs || !strstr(args[0], ".."))
		usage_error("review wants BASE..HEAD, --mbox FILE or --trees OLD NEW%s",
			    "");
	ksrc = tree_root(nargs > 1 ? args[1] : ".");
	load_tree_config(o, ksrc);
	return review_range(o, ksrc, args[0]);
}
