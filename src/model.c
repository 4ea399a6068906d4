// SPDX-License-Identifier: GPL-2.0
/*
 * The CPUID model of a tree, read from its headers: the words of
 * enum cpuid_leafs and reverse_cpuid[] (function, index, register), each
 * X86_FEATURE_x's word and bit, and __feature_translate()'s twins.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cpuidcheck.h"

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

void load_model(struct model *m, const char *ksrc, const char *ovdir)
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

const struct fdef *find_def(const struct model *m, const char *name)
{
	int i;

	for (i = 0; i < m->nf; i++)
		if (!strcmp(m->f[i].name, name))
			return &m->f[i];
	return NULL;
}

/* The name a feature is filed under: KVM_X86_FEATURE_x -> X86_FEATURE_x */
char *canonical(const struct model *m, const char *name)
{
	int i;

	if (starts_with(name, "KVM_X86_FEATURE_"))
		for (i = 0; i < m->nt; i++)
			if (!strcmp(m->translated[i], name + 4))
				return xstrdup(name + 4);
	return xstrdup(name);
}

bool is_translated(const struct model *m, const char *name)
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
char *place_of(const struct model *m, const char *word, int bit)
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

