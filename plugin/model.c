// SPDX-License-Identifier: GPL-2.0
/*
 * The unit's CPUID model, learned from the code being compiled: the words
 * (enum cpuid_leafs, enum kvm_only_cpuid_leafs), the register encoding
 * (enum cpuid_regs_idx), where each word lives (reverse_cpuid[]), how
 * scattered features map to KVM's words (__feature_translate()) and the
 * names of the features (X86_FEATURE_*, KVM_X86_FEATURE_* macros).
 *
 * Nothing here is a copy of the kernel's tables: a unit that lacks a piece
 * gives a partial model, and the checks stay silent where it can't answer.
 */
#include "cpuidcheck.h"

struct cpuid_model model;

/* ---- tree helpers ---- */

/* Is @name one of the @n names in @list? */
bool name_in(const char *name, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; name && i < n; i++)
		if (!strcmp(name, list[i]))
			return true;
	return false;
}

const char *decl_name(tree decl)
{
	if (!decl || !DECL_P(decl) || !DECL_NAME(decl))
		return "";
	return IDENTIFIER_POINTER(DECL_NAME(decl));
}

const char *callee_name(tree call)
{
	tree fn;

	if (TREE_CODE(call) != CALL_EXPR)
		return "";
	fn = get_callee_fndecl(call);
	return fn ? decl_name(fn) : "";
}

/* @t without the conversions C wraps around it */
tree strip_conversions(tree t)
{
	while (t && (CONVERT_EXPR_P(t) || TREE_CODE(t) == NON_LVALUE_EXPR))
		t = TREE_OPERAND(t, 0);
	return t;
}

bool constant_value(tree t, long *value)
{
	t = strip_conversions(t);
	if (!t || TREE_CODE(t) != INTEGER_CST || !tree_fits_shwi_p(t))
		return false;
	*value = tree_to_shwi(t);
	return true;
}

/* ---- words, registers, reverse_cpuid[] ---- */

static const char *type_tag(tree type)
{
	tree name = TYPE_NAME(type);

	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	if (!name || TREE_CODE(name) != IDENTIFIER_NODE)
		return "";
	return IDENTIFIER_POINTER(name);
}

static void learn_words(tree type, bool kvm_only)
{
	tree v;

	for (v = TYPE_VALUES(type); v; v = TREE_CHAIN(v)) {
		const char *name = IDENTIFIER_POINTER(TREE_PURPOSE(v));
		tree val = TREE_VALUE(v);
		long word;

		if (TREE_CODE(val) == CONST_DECL)
			val = DECL_INITIAL(val);
		/* NR_CPUID_WORDS, NKVMCAPINTS and friends are not words */
		if (strncmp(name, "CPUID_", 6) ||
		    !constant_value(val, &word) || word < 0 ||
		    word >= MAX_WORDS || model.word[word].name)
			continue;
		model.word[word].name = xstrdup(name);
		model.word[word].kvm_only = kvm_only;
		if (word >= model.nr_words)
			model.nr_words = word + 1;
	}
}

static void learn_regs(tree type)
{
	static const char *const names[NR_ARCH_REGS] = {
		"CPUID_EAX", "CPUID_EBX", "CPUID_ECX", "CPUID_EDX"
	};
	int found = 0, i;
	tree v;

	for (i = 0; i < 8; i++)
		model.reg_of_kernel_reg[i] = -1;
	for (v = TYPE_VALUES(type); v; v = TREE_CHAIN(v)) {
		const char *name = IDENTIFIER_POINTER(TREE_PURPOSE(v));
		tree val = TREE_VALUE(v);
		long kreg;

		if (TREE_CODE(val) == CONST_DECL)
			val = DECL_INITIAL(val);
		if (!constant_value(val, &kreg) || kreg < 0 || kreg >= 8)
			continue;
		for (i = 0; i < NR_ARCH_REGS; i++)
			if (!strcmp(name, names[i])) {
				model.reg_of_kernel_reg[kreg] = i;
				found++;
			}
	}
	model.have_regs = found == NR_ARCH_REGS;
}

void model_finish_type(tree type)
{
	const char *tag;

	if (!type || TREE_CODE(type) != ENUMERAL_TYPE)
		return;
	tag = type_tag(type);
	if (!strcmp(tag, "cpuid_leafs")) {
		learn_words(type, false);
		model.have_leafs = true;
	} else if (!strcmp(tag, "kvm_only_cpuid_leafs")) {
		learn_words(type, true);
	} else if (!strcmp(tag, "cpuid_regs_idx")) {
		learn_regs(type);
	}
}

/* One reverse_cpuid[] element: {function, index, reg}, by field name. */
static bool learn_reverse_entry(tree ctor, long *fields)
{
	static const char *const names[3] = { "function", "index", "reg" };
	unsigned long long i;
	tree field, val;
	int pos = 0, k;

	if (TREE_CODE(ctor) != CONSTRUCTOR)
		return false;
	fields[0] = fields[1] = fields[2] = 0;
	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), i, field, val) {
		int slot = pos;

		if (field && TREE_CODE(field) == FIELD_DECL)
			for (k = 0; k < 3; k++)
				if (!strcmp(decl_name(field), names[k]))
					slot = k;
		if (slot > 2 || !constant_value(val, &fields[slot]))
			return false;
		pos = slot + 1;
	}
	return true;
}

void model_finish_decl(tree decl)
{
	unsigned HOST_WIDE_INT i;
	tree init, idx, val;
	long next = 0;

	if (!decl || TREE_CODE(decl) != VAR_DECL ||
	    strcmp(decl_name(decl), "reverse_cpuid"))
		return;
	init = DECL_INITIAL(decl);
	if (!init || TREE_CODE(init) != CONSTRUCTOR)
		return;
	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(init), i, idx, val) {
		long word = next, f[3];
		struct cpuid_word *w;

		if (idx && !constant_value(idx, &word))
			continue;
		next = word + 1;
		if (word < 0 || word >= MAX_WORDS ||
		    !learn_reverse_entry(val, f) || !f[0])
			continue;
		w = &model.word[word];
		if (f[2] < 0 || f[2] >= 8)
			continue;
		w->has_place = true;
		w->place.function = f[0];
		w->place.index = f[1];
		w->place.reg = f[2];	/* kernel encoding, mapped on use */
		w->place.bit = -1;
		if (word >= model.nr_words)
			model.nr_words = word + 1;
	}
	model.have_reverse_cpuid = true;
}

/* ---- __feature_translate() ---- */

static tree return_value(tree stmt)
{
	tree op;

	if (!stmt || TREE_CODE(stmt) != RETURN_EXPR)
		return NULL_TREE;
	op = TREE_OPERAND(stmt, 0);
	if (op && (TREE_CODE(op) == MODIFY_EXPR ||
		   TREE_CODE(op) == INIT_EXPR))
		op = TREE_OPERAND(op, 1);
	return op;
}

static void add_translation(long from, long to)
{
	if (model.nr_translate == (int)ARRAY_SIZE(model.translate_from))
		return;
	model.translate_from[model.nr_translate] = from;
	model.translate_to[model.nr_translate++] = to;
}

/*
 * Both shapes KVM has used: "switch (f) { case X86_FEATURE_A: return
 * KVM_X86_FEATURE_A; ... }" and "if (f == X86_FEATURE_A) return ...;".
 */
static tree learn_translation(tree *tp, int *walk_subtrees, void *data)
{
	tree t = *tp;
	long from, to;

	if (TREE_CODE(t) == STATEMENT_LIST) {
		tree_stmt_iterator it;
		long pending[64];
		int nr_pending = 0, k;

		for (it = tsi_start(t); !tsi_end_p(it); tsi_next(&it)) {
			tree s = tsi_stmt(it);

			if (TREE_CODE(s) == CASE_LABEL_EXPR && CASE_LOW(s) &&
			    !CASE_HIGH(s) &&
			    constant_value(CASE_LOW(s), &from)) {
				if (nr_pending < 64)
					pending[nr_pending++] = from;
				continue;
			}
			if (nr_pending &&
			    constant_value(return_value(s), &to))
				for (k = 0; k < nr_pending; k++)
					add_translation(pending[k], to);
			nr_pending = 0;
		}
	} else if (TREE_CODE(t) == COND_EXPR) {
		tree cond = TREE_OPERAND(t, 0);
		tree then = TREE_OPERAND(t, 1);

		if (then && TREE_CODE(then) == STATEMENT_LIST &&
		    !tsi_end_p(tsi_start(then)))
			then = tsi_stmt(tsi_start(then));
		if (TREE_CODE(cond) == EQ_EXPR &&
		    constant_value(TREE_OPERAND(cond, 1), &from) &&
		    constant_value(return_value(then), &to))
			add_translation(from, to);
	}
	return NULL_TREE;
}

void model_pre_genericize(tree fndecl)
{
	if (strcmp(decl_name(fndecl), "__feature_translate"))
		return;
	model.nr_translate = 0;
	walk_tree_without_duplicates(&DECL_SAVED_TREE(fndecl),
				     learn_translation, NULL);
	model.have_translate = true;
}

long model_translate(long number)
{
	int i;

	for (i = 0; i < model.nr_translate; i++)
		if (model.translate_from[i] == number)
			return model.translate_to[i];
	return number;
}

/* ---- queries ---- */

bool model_active(void)
{
	return model.have_leafs && model.have_regs && model.have_reverse_cpuid;
}

static bool word_place(int word, struct cpuid_place *place)
{
	const struct cpuid_word *w;

	if (word < 0 || word >= MAX_WORDS || !model_active())
		return false;
	w = &model.word[word];
	if (!w->has_place || !w->name)
		return false;
	*place = w->place;
	place->reg = model.reg_of_kernel_reg[w->place.reg];
	return place->reg >= 0;
}

/* Where a feature (a KVM number, i.e. after translation) really lives. */
bool model_place_of(long number, struct cpuid_place *place)
{
	if (number < 0 || !word_place(number / 32, place))
		return false;
	place->bit = number % 32;
	return true;
}

const char *model_word_name(int word)
{
	if (word < 0 || word >= MAX_WORDS || !model.word[word].name)
		return "?";
	return model.word[word].name;
}

/*
 * A word of the kernel's own x86_capability (enum cpuid_leafs), as opposed
 * to one only KVM defines (enum kvm_only_cpuid_leafs).
 */
bool model_word_is_kernel(int word)
{
	return word >= 0 && word < MAX_WORDS && model.word[word].name &&
	       !model.word[word].kvm_only;
}

int model_word_of_place(const struct cpuid_place *place)
{
	struct cpuid_place p;
	int w;

	for (w = 0; w < model.nr_words; w++)
		if (word_place(w, &p) && p.function == place->function &&
		    p.index == place->index && p.reg == place->reg)
			return w;
	return -1;
}

void format_place(char *buf, size_t len, const struct cpuid_place *place)
{
	static const char *const regs[NR_ARCH_REGS] = {
		"EAX", "EBX", "ECX", "EDX"
	};
	char fn[16], idx[16], bit[16] = "";

	snprintf(fn, sizeof(fn), place->function > 9 ? "%#x" : "%u",
		 place->function);
	snprintf(idx, sizeof(idx), place->index > 9 ? "%#x" : "%u",
		 place->index);
	if (place->bit >= 0)
		snprintf(bit, sizeof(bit), "[%d]", place->bit);
	if (facts_function_indexed(place->function) || place->index)
		snprintf(buf, len, "CPUID.(EAX=%s,ECX=%s):%s%s", fn, idx,
			 regs[place->reg], bit);
	else
		snprintf(buf, len, "CPUID.%s:%s%s", fn, regs[place->reg], bit);
}

/* ---- feature macros ---- */

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

		if (ISSPACE(*s)) {
			s++;
			continue;
		}
		if (out->n == MAX_TOKS)
			return false;
		if (ISDIGIT(*s)) {
			char *end;

			t->kind = 'n';
			t->value = strtoul(s, &end, 0);
			while (*end == 'u' || *end == 'U' || *end == 'l' ||
			       *end == 'L')
				end++;
			if (ISIDNUM(*end) || end - s >= (long)sizeof(t->id))
				return false;
			memcpy(t->id, s, end - s);
			t->id[end - s] = '\0';
			s = end;
		} else if (ISIDST(*s)) {
			size_t len = 0;

			while (ISIDNUM(s[len]))
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
	const struct tokens *ts;
	int pos;
	int depth;
	bool ok;
};

static long parse_or(struct parser *p);

static bool peek(struct parser *p, char kind)
{
	return p->pos < p->ts->n && p->ts->t[p->pos].kind == kind;
}

static bool eval_tokens(const struct tokens *ts, int depth, long *value);

/* Split "NAME(params) body" into parameter names and the body text. */
static const char *macro_body(const char *def, char params[][64], int *nr,
			      bool *fun_like)
{
	const char *s = def;

	while (ISIDNUM(*s))
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
		while (ISIDNUM(s[len]))
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
	glued = XNEW(struct tokens);
	ok = lex(text, glued) && glued->n == 1;
	if (ok)
		out->t[out->n++] = glued->t[0];
	free(glued);
	return ok;
}

/* Expand and evaluate macro @node; for a function-like one, @p is at '('. */
static bool eval_macro_node(cpp_hashnode *node, struct parser *p, long *value)
{
	char params[8][64];
	int nr_params, i, start[8], end[8], nr_args = 0, level = 0;
	const char *def = compat_macro_definition(node), *body;
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
	body_toks = XNEW(struct tokens);
	out = XNEW(struct tokens);
	ok = lex(body, body_toks);
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
		ok = eval_tokens(out, p ? p->depth + 1 : 1, value);
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
		v = parse_or(p);
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
		cpp_hashnode *node = cpp_lookup(parse_in,
			(const unsigned char *)t->id, strlen(t->id));
		tree decl;

		if (compat_user_macro_p(node)) {
			if (p->depth >= MAX_DEPTH ||
			    !eval_macro_node(node, p, &v))
				p->ok = false;
			return v;
		}
		/* an enumerator such as CPUID_12_EAX */
		decl = lookup_name(get_identifier(t->id));
		if (decl && TREE_CODE(decl) == CONST_DECL &&
		    constant_value(DECL_INITIAL(decl), &v))
			return v;
		p->ok = false;
		return 0;
	}
	default:
		p->ok = false;
		return 0;
	}
}

static long parse_mul(struct parser *p)
{
	long v = parse_primary(p);

	while (p->ok && (peek(p, '*') || peek(p, '/') || peek(p, '%'))) {
		char op = p->ts->t[p->pos++].kind;
		long r = parse_primary(p);

		if (op == '*')
			v *= r;
		else if (!r)
			p->ok = false;
		else
			v = op == '/' ? v / r : v % r;
	}
	return v;
}

static long parse_add(struct parser *p)
{
	long v = parse_mul(p);

	while (p->ok && (peek(p, '+') || peek(p, '-'))) {
		char op = p->ts->t[p->pos++].kind;
		long r = parse_mul(p);

		v = op == '+' ? v + r : v - r;
	}
	return v;
}

static long parse_shift(struct parser *p)
{
	long v = parse_add(p);

	while (p->ok && (peek(p, 'L') || peek(p, 'R'))) {
		char op = p->ts->t[p->pos++].kind;
		long r = parse_add(p);

		if (r < 0 || r > 62)
			p->ok = false;
		else
			v = op == 'L' ? v << r : v >> r;
	}
	return v;
}

static long parse_or(struct parser *p)
{
	long v = parse_shift(p);

	while (p->ok && (peek(p, '|') || peek(p, '&') || peek(p, '^'))) {
		char op = p->ts->t[p->pos++].kind;
		long r = parse_shift(p);

		v = op == '|' ? v | r : op == '&' ? v & r : v ^ r;
	}
	return v;
}

static bool eval_tokens(const struct tokens *ts, int depth, long *value)
{
	struct parser p = { ts, 0, depth, true };

	*value = parse_or(&p);
	return p.ok && p.pos == ts->n;
}

bool model_macro_defined(const char *name)
{
	return compat_user_macro_p(cpp_lookup(parse_in,
			(const unsigned char *)name, strlen(name)));
}

bool model_eval_macro(const char *name, long *value)
{
	cpp_hashnode *node = cpp_lookup(parse_in,
			(const unsigned char *)name, strlen(name));

	return compat_user_macro_p(node) && eval_macro_node(node, NULL, value);
}

static int collect_feature(cpp_reader *, cpp_hashnode *node, void *)
{
	const char *name = (const char *)NODE_NAME(node);
	long value;

	if (!compat_user_macro_p(node) ||
	    (strncmp(name, "X86_FEATURE_", 12) &&
	     strncmp(name, "KVM_X86_FEATURE_", 16)) ||
	    !eval_macro_node(node, NULL, &value) || value < 0)
		return 1;
	model.features = XRESIZEVEC(struct feature_name, model.features,
				    model.nr_features + 1);
	/* identifiers live as long as the unit: no copy */
	model.features[model.nr_features].name = name;
	model.features[model.nr_features++].number = value;
	return 1;
}

/* #defines seen so far, and at the last load of the feature names */
static unsigned long nr_defines, nr_defines_loaded;

void model_note_define(cpp_hashnode *node)
{
	nr_defines++;
}

static void load_features(void)
{
	if (model.features_loaded && nr_defines == nr_defines_loaded)
		return;
	model.nr_features = 0;
	model.features_loaded = true;
	nr_defines_loaded = nr_defines;
	cpp_forall_identifiers(parse_in, collect_feature, NULL);
}

/* "X86_FEATURE_SMEP" -> "SMEP", as written inside F() */
const char *feature_short_name(const char *name)
{
	if (!strncmp(name, "X86_FEATURE_", 12))
		return name + 12;
	if (!strncmp(name, "KVM_X86_FEATURE_", 16))
		return name + 16;
	return name;
}

/* The name a person writes for feature @number (before translation). */
const char *model_feature_name(long number)
{
	const char *kvm_name = NULL;
	int i;

	if (!model.features_loaded)
		load_features();
	for (i = 0; i < model.nr_features; i++) {
		if (model.features[i].number != number)
			continue;
		if (!strncmp(model.features[i].name, "X86_FEATURE_", 12))
			return model.features[i].name;
		kvm_name = kvm_name ? kvm_name : model.features[i].name;
	}
	if (!kvm_name && nr_defines != nr_defines_loaded) {
		load_features();	/* defined since the last look */
		return model_feature_name(number);
	}
	return kvm_name;
}

/* The feature KVM means by bit @bit of word @word, if it has a name. */
const char *model_feature_at(int word, int bit)
{
	long number = (long)word * 32 + bit;
	const char *name = model_feature_name(number);
	int i;

	if (name && strncmp(name, "KVM_", 4))
		return name;
	/* a scattered kernel feature that translates to this bit */
	for (i = 0; i < model.nr_translate; i++)
		if (model.translate_to[i] == number)
			return model_feature_name(model.translate_from[i]);
	return name;
}

/* -fplugin-arg-cpuidcheck_plugin-dump-model: what the unit taught us. */
void model_dump(void)
{
	int w, places = 0;
	long v;

	for (w = 0; w < model.nr_words; w++)
		if (model.word[w].has_place)
			places++;
	load_features();
	fprintf(stderr,
		"cpuidcheck: model: %s, %d words, %d with a CPUID place, %d feature names, %d translations\n",
		model_active() ? "active" : "inactive", model.nr_words, places,
		model.nr_features, model.nr_translate);
	if (model_eval_macro("CR4_RESERVED_BITS", &v))
		fprintf(stderr, "cpuidcheck: model: CR4_RESERVED_BITS = %#lx\n",
			(unsigned long)v);
}
