// SPDX-License-Identifier: GPL-2.0
/*
 * The CPUID model learned from a tree's headers, for an engine that has no
 * compiler to ask (Coccinelle): the X86_FEATURE_* and KVM_X86_FEATURE_*
 * numbers, enum cpuid_leafs and enum kvm_only_cpuid_leafs, reverse_cpuid[],
 * __feature_translate(), the alias wrapper the unit defines and the CR4
 * bits CR4_RESERVED_BITS allows.
 *
 * The headers are those of the checked file's tree: $CPUIDCHECK_TREE, else
 * the nearest directory above the file that holds
 * arch/x86/include/asm/cpufeatures.h; in a small tree (the unit cases:
 * include/cpufeatures.h beside the file) the headers the file includes.
 * The file itself is read last (its own F(), ALIASED_1_EDX_F(), ...).
 *
 * #if branches are not evaluated: the first definition of a macro wins,
 * and every definition of __feature_translate() is read.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "judge.h"
#include "headers.h"

static const char *const root_files[] = {
	"arch/x86/include/asm/cpufeatures.h",
	"arch/x86/include/asm/cpufeature.h",
	"arch/x86/include/asm/kvm_host.h",
	"arch/x86/kvm/reverse_cpuid.h",
	"arch/x86/kvm/cpuid.h",		/* reverse_cpuid[] before 5.11 */
};

/* ---- small helpers ---- */

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p) {
		fprintf(stderr, "cpuidjudge: out of memory\n");
		abort();
	}
	return p;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fprintf(stderr, "cpuidjudge: out of memory\n");
		abort();
	}
	return p;
}

static char *xstrndup(const char *s, size_t n)
{
	char *d = (char *)xmalloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static bool is_file(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISREG(st.st_mode);
}

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "r");
	char *text = NULL;
	size_t len = 0, got;

	if (!f)
		return NULL;
	for (;;) {
		text = (char *)xrealloc(text, len + 65536 + 1);
		got = fread(text + len, 1, 65536, f);
		len += got;
		if (got < 65536)
			break;
	}
	fclose(f);
	text[len] = '\0';
	return text;
}

static bool is_id(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

static const char *skip_space(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return s;
}

/* The identifier at @s, into @buf; the end of it. */
static const char *ident(const char *s, char *buf, size_t len)
{
	size_t n = 0;

	while (is_id(s[n]))
		n++;
	if (n >= len)
		n = len - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return s + n;
}

static const char *skip_blank(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Comments made spaces, newlines kept: line numbers stay true. */
static void blank_comments(char *t)
{
	for (; *t; t++) {
		if (t[0] == '/' && t[1] == '*') {
			for (; *t && !(t[0] == '*' && t[1] == '/'); t++)
				if (*t != '\n')
					*t = ' ';
			if (!*t)
				break;
			t[0] = t[1] = ' ';
			t++;
		} else if (t[0] == '/' && t[1] == '/') {
			for (; *t && *t != '\n'; t++)
				*t = ' ';
			if (!*t)
				break;
		}
	}
}

/* Comments blanked (newlines kept), "\<newline>" joined. */
static void strip_comments(char *t)
{
	char *s = t, *d = t;

	while (*s) {
		if (s[0] == '/' && s[1] == '*') {
			for (s += 2; *s && !(s[0] == '*' && s[1] == '/'); s++)
				if (*s == '\n')
					*d++ = '\n';
			s += *s ? 2 : 0;
			*d++ = ' ';
		} else if (s[0] == '/' && s[1] == '/') {
			while (*s && *s != '\n')
				s++;
		} else if (s[0] == '\\' && s[1] == '\n') {
			s += 2;
			*d++ = ' ';
		} else {
			*d++ = *s++;
		}
	}
	*d = '\0';
}

/* ---- the files ---- */

struct files {
	char **path;
	int nr;
};

static bool have_file(const struct files *f, const char *path)
{
	int i;

	for (i = 0; i < f->nr; i++)
		if (!strcmp(f->path[i], path))
			return true;
	return false;
}

static void add_file(struct files *f, const char *path)
{
	f->path = (char **)xrealloc(f->path, (f->nr + 1) * sizeof(char *));
	f->path[f->nr++] = xstrndup(path, strlen(path));
}

static char *path_join(const char *dir, const char *rel)
{
	size_t n = strlen(dir) + strlen(rel) + 2;
	char *p = (char *)xmalloc(n);

	snprintf(p, n, "%s/%s", dir, rel);
	return p;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrndup(".", 1);
	if (slash == path)
		return xstrndup("/", 1);
	return xstrndup(path, slash - path);
}

/* The file named by #include "NAME" or <NAME> on @line, into @name. */
static bool include_name(const char *line, char *name, size_t len)
{
	const char *s = skip_space(line), *q;

	if (*s != '#')
		return false;
	s = skip_space(s + 1);
	if (strncmp(s, "include", 7))
		return false;
	s = skip_space(s + 7);
	q = *s == '"' || *s == '<' ? strpbrk(s + 1, "\">\n") : NULL;
	if (!q || *q == '\n' || (size_t)(q - s - 1) >= len)
		return false;
	memcpy(name, s + 1, q - s - 1);
	name[q - s - 1] = '\0';
	return true;
}

/* @name, looked for beside its includer, then in the include directory */
static void add_include(struct files *todo, struct files *found,
			const char *dir, const char *inc, const char *name)
{
	const char *bases[2];
	int b;

	bases[0] = dir;
	bases[1] = inc;
	for (b = 0; b < 2; b++) {
		char *c = path_join(bases[b], name);

		if (is_file(c)) {
			add_file(todo, c);
			if (!have_file(found, c))
				add_file(found, c);
			free(c);
			return;
		}
		free(c);
	}
}

/* The headers a small tree's file includes, directly or not. */
static void follow_includes(struct files *found, const char *cfile,
			    const char *inc)
{
	struct files todo = { NULL, 0 }, seen = { NULL, 0 };

	add_file(&todo, cfile);
	while (todo.nr) {
		char *f = todo.path[--todo.nr], *text, *line, *dir, name[256];

		if (have_file(&seen, f)) {
			free(f);
			continue;
		}
		add_file(&seen, f);
		text = read_text(f);
		dir = dir_of(f);
		for (line = text; line && *line; ) {
			char *next = strchr(line, '\n');

			if (include_name(line, name, sizeof(name)))
				add_include(&todo, found, dir, inc, name);
			line = next ? next + 1 : NULL;
		}
		free(dir);
		free(text);
		free(f);
	}
	free(todo.path);
	while (seen.nr)
		free(seen.path[--seen.nr]);
	free(seen.path);
}

/* The headers that define what @cfile sees, then @cfile. */
static void header_files(struct files *found, const char *cfile)
{
	const char *tree = getenv("CPUIDCHECK_TREE");
	char *abs = realpath(cfile, NULL), *d, *up, *p;
	struct files dirs = { NULL, 0 };
	size_t i;
	int k;

	if (!abs)
		abs = xstrndup(cfile, strlen(cfile));
	if (tree && *tree) {
		add_file(&dirs, tree);
	} else {
		for (d = dir_of(abs);; d = up) {
			add_file(&dirs, d);
			p = path_join(d, root_files[0]);
			if (is_file(p) || !strcmp(d, "/")) {
				free(p);
				free(d);
				break;
			}
			free(p);
			up = dir_of(d);
			free(d);
		}
	}
	for (k = 0; k < dirs.nr; k++) {
		char *inc = path_join(dirs.path[k], "include");
		char *small = path_join(inc, "cpufeatures.h");
		char *big = path_join(dirs.path[k], root_files[0]);
		bool is_small = is_file(small) && !is_file(big);

		free(small);
		free(big);
		if (is_small) {
			follow_includes(found, abs, inc);
			free(inc);
			goto done;
		}
		free(inc);
	}
	for (k = 0; k < dirs.nr; k++) {
		bool root = false;

		for (i = 0; i < ARRAY_SIZE(root_files); i++) {
			p = path_join(dirs.path[k], root_files[i]);
			if (is_file(p)) {
				if (!have_file(found, p))
					add_file(found, p);
				root |= i == 0;
			}
			free(p);
		}
		if (root)
			break;
	}
done:
	add_file(found, abs);
	free(abs);
	while (dirs.nr)
		free(dirs.path[--dirs.nr]);
	free(dirs.path);
}

/* ---- the macros ---- */

struct macro {
	char *name;
	char *definition;	/* "NAME(a, b) body" or "NAME body" */
	int params;		/* -1: object-like */
	const char *body;	/* inside definition */
	int order;
};

struct header_model {
	char *key;			/* the files, one a line */
	struct cpuid_model model;
	struct macro *macro;
	int nr_macros;
	char **texts;			/* the files, comments stripped */
	int nr_texts;
	char *word_names[MAX_WORDS];
};

static int cmp_macro(const void *a, const void *b)
{
	const struct macro *x = (const struct macro *)a;
	const struct macro *y = (const struct macro *)b;
	int c = strcmp(x->name, y->name);

	return c ? c : x->order - y->order;
}

static const struct macro *find_macro(const struct header_model *h,
				      const char *name)
{
	int lo = 0, hi = h->nr_macros;

	while (lo < hi) {
		int mid = (lo + hi) / 2;
		int c = strcmp(h->macro[mid].name, name);

		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < h->nr_macros && !strcmp(h->macro[lo].name, name) ?
	       &h->macro[lo] : NULL;
}

/*
 * #define NAME(PARAMS) BODY, @s at NAME, @end at the line's end: kept as
 * GCC's cpp_macro_definition() spells it, "NAME(a, b) body".
 */
static void add_macro(struct header_model *h, const char *s, const char *end)
{
	const char *close = NULL, *q;
	struct macro *m;
	char name[128];
	size_t len;

	s = ident(s, name, sizeof(name));
	if (!name[0] || isdigit((unsigned char)name[0]))
		return;
	if (*s == '(') {
		close = strchr(s, ')');
		if (!close || close >= end)
			return;
	}
	h->macro = (struct macro *)xrealloc(h->macro,
					    (h->nr_macros + 1) * sizeof(*m));
	m = &h->macro[h->nr_macros];
	m->order = h->nr_macros++;
	m->name = xstrndup(name, strlen(name));
	len = strlen(name) + (end - s) + 2;
	m->definition = (char *)xmalloc(len);
	m->params = -1;
	if (!close) {
		snprintf(m->definition, len, "%s %.*s", name, (int)(end - s),
			 s);
		m->body = m->definition + strlen(name);
		return;
	}
	m->params = 0;
	for (q = s + 1; q < close; q++)
		if (is_id(*q) && !is_id(q[-1]))
			m->params++;
	snprintf(m->definition, len, "%s%.*s %.*s", name,
		 (int)(close - s + 1), s, (int)(end - close - 1), close + 1);
	m->body = m->definition + strlen(name) + (close - s + 1);
}

/* #define lines of @text */
static void collect_defines(struct header_model *h, const char *text)
{
	const char *line, *next, *s, *end;

	for (line = text; line && *line; line = next ? next + 1 : NULL) {
		next = strchr(line, '\n');
		end = next ? next : line + strlen(line);
		s = line;
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s != '#')
			continue;
		s++;
		while (*s == ' ' || *s == '\t')
			s++;
		if (strncmp(s, "define", 6) || (s[6] != ' ' && s[6] != '\t'))
			continue;
		s += 6;
		while (*s == ' ' || *s == '\t')
			s++;
		add_macro(h, s, end);
	}
}

static const char *definition(void *ctx, const char *name)
{
	const struct macro *m = find_macro((const struct header_model *)ctx,
					   name);

	return m ? m->definition : NULL;
}

/* The enumerators the headers define: words, and CPUID_EAX..CPUID_EDX. */
static bool enumerator(void *ctx, const char *name, long *value)
{
	const struct header_model *h = (const struct header_model *)ctx;
	int w = cpuid_model_word_by_name(&h->model, name);

	if (w < 0 && !strncmp(name, "CPUID_", 6))
		w = arch_reg_named(name);
	*value = w;
	return w >= 0;
}

static bool eval_in(struct header_model *h, const char *text, long *value)
{
	struct eval_names names = { definition, enumerator, h };

	return eval_expression(&names, text, value);
}

/* ---- enums, reverse_cpuid[], __feature_translate() ---- */

static void learn_enum(struct header_model *h, const char *text,
		       const char *tag, bool kvm_only)
{
	struct cpuid_model *m = &h->model;
	const char *p = text, *end;
	char name[128], *value;
	long v = -1;

	for (;;) {
		p = strstr(p, tag);
		if (!p)
			return;
		p += strlen(tag);
		if (is_id(*p) || (p - strlen(tag) > text &&
				  is_id(p[-(long)strlen(tag) - 1])))
			continue;
		p = skip_space(p);
		if (*p == '{')
			break;
	}
	p++;
	end = strchr(p, '}');
	while (p && end && p < end) {
		const char *comma = strchr(p, ',');
		const char *item_end = comma && comma < end ? comma : end;
		const char *eq;

		p = skip_space(p);
		if (p >= item_end) {
			p = item_end + 1;
			continue;
		}
		ident(p, name, sizeof(name));
		eq = strchr(p, '=');
		if (eq && eq < item_end) {
			value = xstrndup(eq + 1, item_end - eq - 1);
			if (!eval_in(h, value, &v)) {
				free(value);
				return;
			}
			free(value);
		} else {
			v++;
		}
		if (!strncmp(name, "CPUID_", 6) && v >= 0 && v < MAX_WORDS &&
		    !m->word[v].name) {
			h->word_names[v] = xstrndup(name, strlen(name));
			m->word[v].name = h->word_names[v];
			m->word[v].kvm_only = kvm_only;
			if (v >= m->nr_words)
				m->nr_words = v + 1;
		}
		p = item_end + 1;
	}
}

/* [CPUID_7_0_EBX] = { 7, 0, CPUID_EBX}, */
static void learn_reverse_cpuid(struct header_model *h, const char *text)
{
	const char *p = strstr(text, "reverse_cpuid"), *end;

	while (p && (p = skip_space(p + 13)) && *p != '[')
		p = strstr(p, "reverse_cpuid");
	if (!p)
		return;
	p = strchr(p, '=');
	end = p ? strstr(p, "};") : NULL;
	while (p && end && (p = strchr(p, '[')) && p < end) {
		char word[128], fn[64], idx[64], reg[64];
		long f, i;
		int w, r;

		if (sscanf(p, "[ %127[A-Za-z0-9_] ] = { %63[^,}] , %63[^,}] , %63[A-Za-z0-9_] }",
			   word, fn, idx, reg) != 4) {
			p++;
			continue;
		}
		p++;
		w = cpuid_model_word_by_name(&h->model, word);
		r = strncmp(reg, "CPUID_", 6) ? -1 : arch_reg_named(reg);
		if (w < 0 || r < 0 || h->model.word[w].has_place ||
		    !eval_in(h, fn, &f) || !eval_in(h, idx, &i))
			continue;
		h->model.word[w].has_place = true;
		h->model.word[w].place.function = f;
		h->model.word[w].place.index = i;
		h->model.word[w].place.reg = r;
		h->model.word[w].place.bit = -1;
	}
}

static void add_translation(struct header_model *h, const char *short_name)
{
	struct cpuid_model *m = &h->model;
	char from[160], to[160];
	long a, b;
	int i;

	snprintf(from, sizeof(from), "X86_FEATURE_%s", short_name);
	snprintf(to, sizeof(to), "KVM_X86_FEATURE_%s", short_name);
	if (!eval_in(h, from, &a) || !eval_in(h, to, &b))
		return;
	for (i = 0; i < m->nr_translate; i++)
		if (m->translate_from[i] == a)
			return;
	if (m->nr_translate == (int)ARRAY_SIZE(m->translate_from))
		return;
	m->translate_from[m->nr_translate] = a;
	m->translate_to[m->nr_translate++] = b;
}

/* A one-parameter macro "case X86_FEATURE_##f: return KVM_X86_FEATURE_##f" */
static bool translate_helper(const struct macro *m)
{
	char want[256], body[512], param[64];
	const char *p = strchr(m->definition, '(');
	size_t n = 0;
	const char *s;

	if (m->params != 1 || !p)
		return false;
	ident(skip_space(p + 1), param, sizeof(param));
	for (s = m->body; *s && n + 1 < sizeof(body); s++)
		if (!isspace((unsigned char)*s))
			body[n++] = *s;
	body[n] = '\0';
	snprintf(want, sizeof(want),
		 "caseX86_FEATURE_##%s:returnKVM_X86_FEATURE_##%s", param,
		 param);
	return strstr(body, want) != NULL;
}

static bool is_translate_helper(const struct header_model *h,
				const char *name)
{
	int k;

	if (!strcmp(name, "KVM_X86_TRANSLATE_FEATURE"))
		return true;
	for (k = 0; k < h->nr_macros; k++)
		if (!strcmp(h->macro[k].name, name) &&
		    translate_helper(&h->macro[k]))
			return true;
	return false;
}

/* The translations a __feature_translate() body @s..@end spells out. */
static void learn_translate_body(struct header_model *h, const char *body)
{
	const char *s, *q;
	char name[128], a[128], b[128];

	for (s = body; *s; s++) {
		if (s > body && is_id(s[-1]))
			continue;
		if (sscanf(s, "case X86_FEATURE_%127[A-Za-z0-9_] : return KVM_X86_FEATURE_%127[A-Za-z0-9_]",
			   a, b) == 2 ||
		    sscanf(s, "== X86_FEATURE_%127[A-Za-z0-9_] ) return KVM_X86_FEATURE_%127[A-Za-z0-9_]",
			   a, b) == 2) {
			add_translation(h, a);
			continue;
		}
		if (!is_id(*s))
			continue;
		ident(s, name, sizeof(name));
		q = skip_space(s + strlen(name));
		if (*q == '(' && is_translate_helper(h, name)) {
			ident(skip_space(q + 1), a, sizeof(a));
			if (a[0] && strcmp(a, "f"))
				add_translation(h, a);
		}
		s += strlen(name) - 1;
	}
}

/* Every definition of __feature_translate(), in any shape KVM used. */
static void learn_translate(struct header_model *h, const char *text)
{
	const char *p = text, *s, *end;
	char *body;

	while ((p = strstr(p, "__feature_translate")) != NULL) {
		p += 19;
		s = skip_space(p);
		if (*s != '(')
			continue;
		s = strchr(s, ')');
		s = s ? skip_space(s + 1) : NULL;
		if (!s || *s != '{')
			continue;
		end = strstr(s, "\n}");
		if (!end)
			continue;
		body = xstrndup(s, end - s);
		learn_translate_body(h, body);
		free(body);
		p = end;
	}
}

/* ---- the CR4 bits CR4_RESERVED_BITS lets through ---- */

/* CR4.@name as a mask, if data/cpuid-facts knows it */
static unsigned long cr4_bit_named(const char *name)
{
	int i;

	for (i = 0; i < facts.nr_cr4; i++)
		if (!strcmp(facts.cr4[i].name, name))
			return 1UL << facts.cr4[i].bit;
	return 0;
}

/*
 * The X86_CR4_x names in CR4_RESERVED_BITS, its own object-like macros
 * (CR4_ALLOWED_x sets) expanded as text: the bits data/cpuid-facts names.
 */
static void learn_cr4_allowed(struct header_model *h)
{
	const struct macro *top = find_macro(h, "CR4_RESERVED_BITS");
	const char *stack[16];
	int depth = 0;

	if (!top)
		return;
	h->model.have_cr4_allowed = true;
	h->model.cr4_allowed = 0;
	stack[depth++] = top->body;
	while (depth) {
		const char *s = stack[--depth];

		while (*s) {
			char name[128];
			const struct macro *m;

			if (!is_id(*s) || isdigit((unsigned char)*s)) {
				s++;
				continue;
			}
			s = ident(s, name, sizeof(name));
			if (!strncmp(name, "X86_CR4_", 8)) {
				h->model.cr4_allowed |= cr4_bit_named(name + 8);
				continue;
			}
			m = find_macro(h, name);
			if (m && m->params < 0 && depth < 16 && m != top)
				stack[depth++] = m->body;
		}
	}
}

/* ---- the model ---- */

static int cmp_feature(const void *a, const void *b)
{
	return strcmp(((const struct feature_name *)a)->name,
		      ((const struct feature_name *)b)->name);
}

static void learn_features(struct header_model *h)
{
	struct cpuid_model *m = &h->model;
	int i;

	m->features = (struct feature_name *)xmalloc(
		h->nr_macros * sizeof(*m->features));
	m->nr_features = 0;
	for (i = 0; i < h->nr_macros; i++) {
		const struct macro *mac = &h->macro[i];
		long v;

		if ((i && !strcmp(h->macro[i - 1].name, mac->name)) ||
		    mac->params >= 0 ||
		    (strncmp(mac->name, "X86_FEATURE_", 12) &&
		     strncmp(mac->name, "KVM_X86_FEATURE_", 16)) ||
		    !eval_in(h, mac->name, &v) || v < 0)
			continue;
		m->features[m->nr_features].name = mac->name;
		m->features[m->nr_features++].number = v;
	}
	qsort(m->features, m->nr_features, sizeof(*m->features),
	      cmp_feature);
}

static bool defined(void *ctx, const char *name)
{
	return find_macro((const struct header_model *)ctx, name) != NULL;
}

static void free_model(struct header_model *h)
{
	int i;

	if (!h)
		return;
	for (i = 0; i < h->nr_macros; i++) {
		free(h->macro[i].name);
		free(h->macro[i].definition);
	}
	free(h->macro);
	for (i = 0; i < h->nr_texts; i++)
		free(h->texts[i]);
	free(h->texts);
	for (i = 0; i < MAX_WORDS; i++)
		free(h->word_names[i]);
	free(h->model.features);
	free(h->key);
	free(h);
}

static struct header_model *build(const struct files *files, char *key)
{
	struct header_model *h =
		(struct header_model *)xmalloc(sizeof(*h));
	int i;

	memset(h, 0, sizeof(*h));
	h->key = key;
	h->texts = (char **)xmalloc(files->nr * sizeof(char *));
	for (i = 0; i < files->nr; i++) {
		char *t = read_text(files->path[i]);

		if (!t)
			continue;
		strip_comments(t);
		h->texts[h->nr_texts++] = t;
		collect_defines(h, t);
	}
	qsort(h->macro, h->nr_macros, sizeof(*h->macro), cmp_macro);
	for (i = 0; i < h->nr_texts; i++)
		learn_enum(h, h->texts[i], "enum cpuid_leafs", false);
	for (i = 0; i < h->nr_texts; i++)
		learn_enum(h, h->texts[i], "enum kvm_only_cpuid_leafs", true);
	for (i = 0; i < h->nr_texts; i++)
		learn_reverse_cpuid(h, h->texts[i]);
	for (i = 0; i < h->nr_texts; i++)
		learn_translate(h, h->texts[i]);
	learn_features(h);
	learn_cr4_allowed(h);
	h->model.alias_wrapper = cpuid_model_alias_wrapper(defined, h);
	return h;
}

/* The last model built: consecutive questions are about one file. */
static struct header_model *current;

struct header_model *headers_model_of(const char *cfile)
{
	struct files files = { NULL, 0 };
	size_t len = 1;
	char *key;
	int i;

	header_files(&files, cfile);
	for (i = 0; i < files.nr; i++)
		len += strlen(files.path[i]) + 1;
	key = (char *)xmalloc(len);
	key[0] = '\0';
	for (i = 0; i < files.nr; i++) {
		strcat(key, files.path[i]);
		strcat(key, "\n");
	}
	if (current && !strcmp(current->key, key)) {
		free(key);
	} else {
		free_model(current);
		current = build(&files, key);
	}
	for (i = 0; i < files.nr; i++)
		free(files.path[i]);
	free(files.path);
	return current;
}

const struct cpuid_model *headers_cpuid_model(struct header_model *h)
{
	return &h->model;
}

bool headers_eval(struct header_model *h, const char *text, long *value)
{
	return eval_in(h, text, value);
}


/* ---- the reserved-bits macro, read from a file's text ---- */

struct token {
	char text[64];
	int line;
};

/* Tokens of #define lines @from..: identifiers, "|=", other characters. */
static int lex_define(const char *s, int line, struct token *tok, int max)
{
	int n = 0;

	while (*s && n < max) {
		if (*s == '\\' && s[1] == '\n') {
			s += 2;
			line++;
			continue;
		}
		if (*s == '\n')
			break;
		if (isspace((unsigned char)*s)) {
			s++;
			continue;
		}
		tok[n].line = line;
		if (is_id(*s)) {
			s = ident(s, tok[n].text, sizeof(tok[n].text));
		} else if (s[0] == '|' && s[1] == '=') {
			snprintf(tok[n].text, sizeof(tok[n].text), "|=");
			s += 2;
		} else {
			tok[n].text[0] = *s++;
			tok[n].text[1] = '\0';
		}
		n++;
	}
	return n;
}

static bool has_token(const struct token *tok, int n, const char *text)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(tok[i].text, text))
			return true;
	return false;
}

struct cr4_macro_text {
	struct judge_cr4_macro jm;
	int def_line;
	int gate_line[MAX_CR4_MACRO_GATES];
	struct token *tok;
};

/* "if ( ... X86_FEATURE_F ... ) VAR |= X86_CR4_B ... ;" from token @i */
static int parse_gate(struct header_model *h, struct cr4_macro_text *c,
		      int i, int n)
{
	struct judge_cr4_gate *g = &c->jm.gate[c->jm.nr_gates];
	const struct token *tok = c->tok;
	int j = i + 1, depth = 0;

	memset(g, 0, sizeof(*g));
	c->gate_line[c->jm.nr_gates] = tok[i].line;
	for (; j < n; j++) {
		if (!strcmp(tok[j].text, "("))
			depth++;
		else if (!strcmp(tok[j].text, ")") && --depth == 0)
			break;
		else if (!strncmp(tok[j].text, "X86_FEATURE_", 12) &&
			 g->nr_features < MAX_CR4_GATE_FEATURES)
			g->feature[g->nr_features++] = tok[j].text;
	}
	for (j++; j < n && strcmp(tok[j].text, ";"); j++) {
		if (!strcmp(tok[j].text, "|=") && !c->jm.var)
			c->jm.var = tok[j - 1].text;
		if (!strncmp(tok[j].text, "X86_CR4_", 8))
			g->bits |= cr4_bit_named(tok[j].text + 8);
	}
	if (g->nr_features && g->bits &&
	    c->jm.nr_gates < MAX_CR4_MACRO_GATES) {
		int k;

		for (k = 0; k < g->nr_features; k++)
			g->known[k] = eval_in(h, g->feature[k],
					      &g->number[k]);
		c->jm.nr_gates++;
	}
	return j;
}

/*
 * The reserved-bits macro by its shape: a two-parameter macro that starts
 * from CR4_RESERVED_BITS and adds "if (...) bits |= X86_CR4_x" gates.
 */
static bool reserved_bits_shape(struct cr4_macro_text *c, int n)
{
	const struct token *tok = c->tok;

	return n > 6 && !strcmp(tok[1].text, "(") && is_id(tok[2].text[0]) &&
	       !strcmp(tok[3].text, ",") && is_id(tok[4].text[0]) &&
	       !strcmp(tok[5].text, ")") &&
	       has_token(tok, n, "CR4_RESERVED_BITS") && has_token(tok, n, "if");
}

#define MAX_MACRO_TOKENS 2048

/* The first reserved-bits macro @path defines, or NULL. */
const struct cr4_macro_text *headers_cr4_macro(struct header_model *h,
					       const char *path)
{
	static struct cr4_macro_text c;
	char *text = read_text(path), *p;
	int line = 1, n, i;

	memset(&c.jm, 0, sizeof(c.jm));
	if (!c.tok)
		c.tok = (struct token *)xmalloc(MAX_MACRO_TOKENS *
						sizeof(*c.tok));
	if (!text)
		return NULL;
	blank_comments(text);
	for (p = text; *p; line++) {
		const char *s = skip_blank(p);
		char *next = strchr(p, '\n');

		if (*s == '#' && !strncmp(skip_blank(s + 1), "define", 6)) {
			s = skip_blank(skip_blank(s + 1) + 6);
			n = lex_define(s, line, c.tok, MAX_MACRO_TOKENS);
			if (reserved_bits_shape(&c, n)) {
				c.jm.name = c.tok[0].text;
				c.jm.cpu_has = c.tok[2].text;
				c.jm.caps = c.tok[4].text;
				c.def_line = line;
				for (i = 6; i < n; i++)
					if (!strcmp(c.tok[i].text, "if"))
						i = parse_gate(h, &c, i, n);
				free(text);
				return &c;
			}
		}
		if (!next)
			break;
		p = next + 1;
	}
	free(text);
	return NULL;
}

int headers_cr4_def_line(const struct cr4_macro_text *c)
{
	return c->def_line;
}

int headers_cr4_gate_line(const struct cr4_macro_text *c, int gate)
{
	return c->gate_line[gate];
}

const struct judge_cr4_macro *headers_cr4_gates(
	const struct cr4_macro_text *c)
{
	return &c->jm;
}
