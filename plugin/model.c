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

/* the model as the judge reads it (judge.h), kept current by sync_words() */
struct cpuid_model model;

/* what the unit has taught so far, in the kernel's own encoding */
static struct {
	bool have_leafs;		/* enum cpuid_leafs seen */
	bool have_regs;			/* enum cpuid_regs_idx seen */
	int reg_of_kernel_reg[8];	/* kernel CPUID_EAX.. -> arch_reg */
	bool have_reverse_cpuid;
	bool in_reverse_cpuid[MAX_WORDS];
	int kernel_reg[MAX_WORDS];	/* reverse_cpuid[w].reg */
	bool features_loaded;
} learned;

/* A word has a place once the three tables it needs are known. */
static void sync_words(void)
{
	int w, reg;

	for (w = 0; w < MAX_WORDS; w++) {
		reg = learned.in_reverse_cpuid[w] ?
		      learned.reg_of_kernel_reg[learned.kernel_reg[w]] : -1;
		model.word[w].has_place = model_active() && reg >= 0 &&
					  model.word[w].name;
		model.word[w].place.reg = reg;
	}
}

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

/* One enumerator of an enum's TYPE_VALUES: its name and constant value. */
static bool enumerator(tree v, const char **name, long *value)
{
	tree val = TREE_VALUE(v);

	*name = IDENTIFIER_POINTER(TREE_PURPOSE(v));
	if (TREE_CODE(val) == CONST_DECL)
		val = DECL_INITIAL(val);
	return constant_value(val, value);
}

static void learn_words(tree type, bool kvm_only)
{
	tree v;

	for (v = TYPE_VALUES(type); v; v = TREE_CHAIN(v)) {
		const char *name;
		long word;

		/* NR_CPUID_WORDS, NKVMCAPINTS and friends are not words */
		if (!enumerator(v, &name, &word) || strncmp(name, "CPUID_", 6) ||
		    word < 0 ||
		    word >= MAX_WORDS || model.word[word].name)
			continue;
		model.word[word].name = xstrdup(name);
		model.word[word].kvm_only = kvm_only;
		if (word >= model.nr_words)
			model.nr_words = word + 1;
	}
	sync_words();
}

static void learn_regs(tree type)
{
	static const char *const names[NR_ARCH_REGS] = {
		"CPUID_EAX", "CPUID_EBX", "CPUID_ECX", "CPUID_EDX"
	};
	int found = 0, i;
	tree v;

	for (i = 0; i < 8; i++)
		learned.reg_of_kernel_reg[i] = -1;
	for (v = TYPE_VALUES(type); v; v = TREE_CHAIN(v)) {
		const char *name;
		long kreg;

		if (!enumerator(v, &name, &kreg) || kreg < 0 || kreg >= 8)
			continue;
		for (i = 0; i < NR_ARCH_REGS; i++)
			if (!strcmp(name, names[i])) {
				learned.reg_of_kernel_reg[kreg] = i;
				found++;
			}
	}
	learned.have_regs = found == NR_ARCH_REGS;
	sync_words();
}

void model_finish_type(tree type)
{
	const char *tag;

	if (!type || TREE_CODE(type) != ENUMERAL_TYPE)
		return;
	tag = type_tag(type);
	if (!strcmp(tag, "cpuid_leafs")) {
		learn_words(type, false);
		learned.have_leafs = true;
		sync_words();
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
		learned.in_reverse_cpuid[word] = true;
		learned.kernel_reg[word] = f[2];
		w->place.function = f[0];
		w->place.index = f[1];
		w->place.bit = -1;
		if (word >= model.nr_words)
			model.nr_words = word + 1;
	}
	learned.have_reverse_cpuid = true;
	sync_words();
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
}

long model_translate(long number)
{
	return cpuid_model_translate(&model, number);
}

/* ---- queries ---- */

bool model_active(void)
{
	return learned.have_leafs && learned.have_regs &&
	       learned.have_reverse_cpuid;
}

/* Where a feature (a KVM number, i.e. after translation) really lives. */
bool model_place_of(long number, struct cpuid_place *place)
{
	return cpuid_model_place_of(&model, number, place);
}

const char *model_word_name(int word)
{
	return cpuid_model_word_name(&model, word);
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

/* ---- feature macros ---- */

/* Names as GCC knows them: its preprocessor's macros, its enumerators. */
static const char *cpp_definition(void *ctx, const char *name)
{
	cpp_hashnode *node = cpp_lookup(parse_in, (const unsigned char *)name,
					strlen(name));

	return compat_user_macro_p(node) ? compat_macro_definition(node) :
					   NULL;
}

/* an enumerator such as CPUID_12_EAX */
static bool c_enumerator(void *ctx, const char *name, long *value)
{
	tree decl = lookup_name(get_identifier(name));

	return decl && TREE_CODE(decl) == CONST_DECL &&
	       constant_value(DECL_INITIAL(decl), value);
}

static const struct eval_names gcc_names = {
	cpp_definition, c_enumerator, NULL
};

bool model_macro_defined(const char *name)
{
	return cpp_definition(NULL, name) != NULL;
}

bool model_eval_macro(const char *name, long *value)
{
	return eval_macro(&gcc_names, name, value);
}

static int collect_feature(cpp_reader *, cpp_hashnode *node, void *)
{
	const char *name = (const char *)NODE_NAME(node);
	long value;

	if (!compat_user_macro_p(node) ||
	    (strncmp(name, "X86_FEATURE_", 12) &&
	     strncmp(name, "KVM_X86_FEATURE_", 16)) ||
	    !model_eval_macro(name, &value) || value < 0)
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
	if (learned.features_loaded && nr_defines == nr_defines_loaded)
		return;
	model.nr_features = 0;
	learned.features_loaded = true;
	nr_defines_loaded = nr_defines;
	cpp_forall_identifiers(parse_in, collect_feature, NULL);
}

/* The name a person writes for feature @number (before translation). */
const char *model_feature_name(long number)
{
	const char *name;

	if (!learned.features_loaded)
		load_features();
	name = cpuid_model_feature_name(&model, number);
	if (!name && nr_defines != nr_defines_loaded) {
		load_features();	/* defined since the last look */
		name = cpuid_model_feature_name(&model, number);
	}
	return name;
}

static bool macro_defined(void *ctx, const char *name)
{
	return model_macro_defined(name);
}

/* The model as the judge sees it: every feature macro defined so far. */
const struct cpuid_model *model_for_judge(void)
{
	if (!learned.features_loaded || nr_defines != nr_defines_loaded)
		load_features();
	model.alias_wrapper = cpuid_model_alias_wrapper(macro_defined, NULL);
	return &model;
}

/* -fplugin-arg-cpuidcheck_plugin-dump-model: what the unit taught us. */
void model_dump(void)
{
	int w, places = 0;
	long v;

	for (w = 0; w < model.nr_words; w++)
		if (learned.in_reverse_cpuid[w])
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
