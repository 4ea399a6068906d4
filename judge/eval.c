// SPDX-License-Identifier: GPL-2.0
/*
 * A small evaluator for the integer constant expressions the kernel's
 * feature, word and CR4 macros expand to: numbers, enumerators, casts to
 * integer types, + - * / % << >> | & ^ ~ ! and parentheses, and the macros
 * themselves (object- and function-like, with ## as in __AC(X, Y)).  The
 * engine says where names come from (struct eval_names): the plugin from
 * GCC's preprocessor and symbol table, headers.c from the files it read.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "judge.h"

static bool is_idstart(char c)
{
	return isalpha((unsigned char)c) || c == '_';
}

static bool is_idnum(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

#define MAX_TOKS 256
#define MAX_DEPTH 12

struct token {
	char kind;		/* 'n' number, 'i' identifier, else punctuator */
	long value;
	char id[64];		/* identifier or number as spelled */
};

struct tokens {
	struct token t[MAX_TOKS];
	int n;
};

static bool lex(const char *s, struct tokens *out)
{
	out->n = 0;
	while (*s) {
		struct token *t = &out->t[out->n];

		if (isspace((unsigned char)*s)) {
			s++;
			continue;
		}
		if (out->n == MAX_TOKS)
			return false;
		if (isdigit((unsigned char)*s)) {
			char *end;

			t->kind = 'n';
			t->value = strtoul(s, &end, 0);
			while (*end == 'u' || *end == 'U' || *end == 'l' ||
			       *end == 'L')
				end++;
			if (is_idnum(*end) || end - s >= (long)sizeof(t->id))
				return false;
			memcpy(t->id, s, end - s);
			t->id[end - s] = '\0';
			s = end;
		} else if (is_idstart(*s)) {
			size_t len = 0;

			while (is_idnum(s[len]))
				len++;
			if (len >= sizeof(t->id))
				return false;
			t->kind = 'i';
			memcpy(t->id, s, len);
			t->id[len] = '\0';
			s += len;
		} else if ((s[0] == '<' && s[1] == '<') ||
			   (s[0] == '>' && s[1] == '>')) {
			t->kind = s[0] == '<' ? 'L' : 'R';
			s += 2;
		} else if (strchr("()+-*/%|&^~,#!", *s)) {
			t->kind = *s++;
		} else {
			return false;	/* '#', '##', strings, casts... */
		}
		out->n++;
	}
	return true;
}

struct parser {
	const struct eval_names *names;
	const struct tokens *ts;
	int pos;
	int depth;
	bool ok;
};

static long parse_binary(struct parser *p, int level);

static bool peek(struct parser *p, char kind)
{
	return p->pos < p->ts->n && p->ts->t[p->pos].kind == kind;
}

static bool eval_tokens(const struct eval_names *names,
			const struct tokens *ts, int depth, long *value);

/* Split "NAME(params) body" into parameter names and the body text. */
static const char *macro_body(const char *def, char params[][64], int *nr,
			      bool *fun_like)
{
	const char *s = def;

	while (is_idnum(*s))
		s++;
	*nr = 0;
	*fun_like = *s == '(';
	if (!*fun_like)
		return s;
	s++;
	while (*s && *s != ')') {
		size_t len = 0;

		while (*s == ' ' || *s == ',')
			s++;
		while (is_idnum(s[len]))
			len++;
		if (!len || len >= 64 || *nr == 8)
			return NULL;
		memcpy(params[*nr], s, len);
		params[(*nr)++][len] = '\0';
		s += len;
		while (*s == ' ')
			s++;
		if (*s != ',' && *s != ')')
			return NULL;	/* variadic or odd */
	}
	return *s == ')' ? s + 1 : NULL;
}

/* The spelling of @t, or of the single-token argument it names. */
static const struct token *paste_operand(const struct token *t,
					 char params[][64], int nr_params,
					 struct parser *p, int *start, int *end)
{
	int k;

	for (k = 0; t && t->kind == 'i' && k < nr_params; k++)
		if (!strcmp(t->id, params[k]))
			return end[k] - start[k] == 1 ? &p->ts->t[start[k]] :
							NULL;
	return t && (t->kind == 'i' || t->kind == 'n') ? t : NULL;
}

/* "X ## Y", as in the kernel's __AC(X, Y): glue two spellings, re-lex. */
static bool paste(struct tokens *out, const struct token *l,
		  const struct token *r, char params[][64], int nr_params,
		  struct parser *p, int *start, int *end)
{
	char text[130];
	struct tokens *glued;
	bool ok;

	l = paste_operand(l, params, nr_params, p, start, end);
	r = paste_operand(r, params, nr_params, p, start, end);
	if (!l || !r || out->n == MAX_TOKS)
		return false;
	snprintf(text, sizeof(text), "%s%s", l->id, r->id);
	glued = (struct tokens *)malloc(sizeof(*glued));
	if (!glued)
		return false;
	ok = lex(text, glued) && glued->n == 1;
	if (ok)
		out->t[out->n++] = glued->t[0];
	free(glued);
	return ok;
}

/* Expand and evaluate macro @node; for a function-like one, @p is at '('. */
static bool eval_definition(const struct eval_names *names, const char *def,
			    struct parser *p, long *value)
{
	char params[8][64];
	int nr_params, i, start[8], end[8], nr_args = 0, level = 0;
	const char *body;
	struct tokens *body_toks, *out;
	bool fun_like, ok;

	if (!def)
		return false;
	body = macro_body(def, params, &nr_params, &fun_like);
	if (!body)
		return false;
	if (fun_like) {
		if (!p || !peek(p, '('))
			return false;
		p->pos++;
		start[0] = p->pos;
		for (; p->pos < p->ts->n; p->pos++) {
			char k = p->ts->t[p->pos].kind;

			if (k == '(')
				level++;
			else if (k == ')' && level-- == 0)
				break;
			else if (k == ',' && level == 0) {
				if (nr_args == 7)
					return false;
				end[nr_args++] = p->pos;
				start[nr_args] = p->pos + 1;
			}
		}
		if (p->pos >= p->ts->n)
			return false;
		end[nr_args++] = p->pos++;
		if (nr_args != nr_params && !(nr_params == 0 && nr_args == 1 &&
					       start[0] == end[0]))
			return false;
	}
	body_toks = (struct tokens *)malloc(sizeof(*body_toks));
	out = (struct tokens *)malloc(sizeof(*out));
	ok = body_toks && out && lex(body, body_toks);
	if (ok)
		out->n = 0;
	for (i = 0; ok && i < body_toks->n; i++) {
		const struct token *t = &body_toks->t[i];
		int k, j;

		if (i + 3 < body_toks->n &&
		    body_toks->t[i + 1].kind == '#' &&
		    body_toks->t[i + 2].kind == '#') {
			ok = paste(out, t, &body_toks->t[i + 3],
				   params, nr_params, p, start, end);
			i += 3;
			continue;
		}
		for (k = 0; k < nr_params; k++)
			if (t->kind == 'i' && !strcmp(t->id, params[k]))
				break;
		if (k == nr_params) {
			if (out->n == MAX_TOKS)
				ok = false;
			else
				out->t[out->n++] = *t;
			continue;
		}
		/* the argument, parenthesised unless it is one token */
		if (out->n + end[k] - start[k] + 2 > MAX_TOKS) {
			ok = false;
			break;
		}
		if (end[k] - start[k] != 1)
			out->t[out->n++].kind = '(';
		for (j = start[k]; j < end[k]; j++)
			out->t[out->n++] = p->ts->t[j];
		if (end[k] - start[k] != 1)
			out->t[out->n++].kind = ')';
	}
	if (ok)
		ok = eval_tokens(names, out, p ? p->depth + 1 : 1, value);
	free(body_toks);
	free(out);
	return ok;
}

/* "(unsigned long)", "(u64)": the kernel's masks are full of casts. */
static bool skip_cast(struct parser *p)
{
	static const char *const type_words[] = {
		"unsigned", "signed", "long", "int", "short", "char",
		"u8", "u16", "u32", "u64", "__u8", "__u16", "__u32", "__u64",
		"s8", "s16", "s32", "s64",
	};
	int i = p->pos, n = 0;
	size_t k;

	for (; i < p->ts->n && p->ts->t[i].kind == 'i'; i++, n++) {
		for (k = 0; k < ARRAY_SIZE(type_words); k++)
			if (!strcmp(p->ts->t[i].id, type_words[k]))
				break;
		if (k == ARRAY_SIZE(type_words))
			return false;
	}
	if (!n || i >= p->ts->n || p->ts->t[i].kind != ')')
		return false;
	p->pos = i + 1;
	return true;
}

static long parse_primary(struct parser *p)
{
	const struct token *t;
	long v = 0;

	if (!p->ok || p->pos >= p->ts->n) {
		p->ok = false;
		return 0;
	}
	t = &p->ts->t[p->pos++];
	switch (t->kind) {
	case 'n':
		return t->value;
	case '(':
		if (skip_cast(p))
			return parse_primary(p);
		v = parse_binary(p, 0);
		if (!peek(p, ')'))
			p->ok = false;
		p->pos++;
		return v;
	case '!':
		return !parse_primary(p);
	case '-':
		return -parse_primary(p);
	case '+':
		return parse_primary(p);
	case '~':
		return ~parse_primary(p);
	case 'i': {
		const char *def = p->names->definition(p->names->ctx, t->id);

		if (def) {
			if (p->depth >= MAX_DEPTH ||
			    !eval_definition(p->names, def, p, &v))
				p->ok = false;
			return v;
		}
		/* an enumerator such as CPUID_12_EAX */
		if (p->names->enumerator &&
		    p->names->enumerator(p->names->ctx, t->id, &v))
			return v;
		p->ok = false;
		return 0;
	}
	default:
		p->ok = false;
		return 0;
	}
}

/*
 * The binary operators, loosest first ('L' and 'R' are << and >>).  |, &
 * and ^ share a level: the kernel's masks never mix them unbracketed.
 */
static const char *const levels[] = { "|&^", "LR", "+-", "*/%" };

static long apply(struct parser *p, char op, long v, long r)
{
	switch (op) {
	case '|':
		return v | r;
	case '&':
		return v & r;
	case '^':
		return v ^ r;
	case 'L':
	case 'R':
		if (r < 0 || r > 62)
			break;
		return op == 'L' ? v << r : v >> r;
	case '+':
		return v + r;
	case '-':
		return v - r;
	case '*':
		return v * r;
	case '/':
	case '%':
		if (!r)
			break;
		return op == '/' ? v / r : v % r;
	}
	p->ok = false;
	return 0;
}

/* An expression of operators of @level and tighter, left to right. */
static long parse_binary(struct parser *p, int level)
{
	long v;

	if (level == (int)ARRAY_SIZE(levels))
		return parse_primary(p);
	v = parse_binary(p, level + 1);
	while (p->ok && p->pos < p->ts->n && p->ts->t[p->pos].kind &&
	       strchr(levels[level], p->ts->t[p->pos].kind)) {
		char op = p->ts->t[p->pos++].kind;

		v = apply(p, op, v, parse_binary(p, level + 1));
	}
	return v;
}

static bool eval_tokens(const struct eval_names *names,
			const struct tokens *ts, int depth, long *value)
{
	struct parser p = { names, ts, 0, depth, true };

	*value = parse_binary(&p, 0);
	return p.ok && p.pos == ts->n;
}

/* The value of C constant expression @text, macros expanded. */
bool eval_expression(const struct eval_names *n, const char *text,
		     long *value)
{
	struct tokens *ts = (struct tokens *)malloc(sizeof(*ts));
	bool ok = ts && lex(text, ts) && eval_tokens(n, ts, 1, value);

	free(ts);
	return ok;
}

/* The value of object-like macro @name. */
bool eval_macro(const struct eval_names *n, const char *name, long *value)
{
	const char *def = n->definition(n->ctx, name);

	return def && eval_definition(n, def, NULL, value);
}
