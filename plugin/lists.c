// SPDX-License-Identifier: GPL-2.0
/*
 * KVM's capability setup: the feature lists of one function, in both API
 * eras, and the features each list declares.
 *
 *   6.1-6.13  kvm_cpu_cap_mask(leaf, F(A) | F(B) | f_lm ...) and
 *             kvm_cpu_cap_init_kvm_defined(leaf, mask), inline functions;
 *   6.14+     kvm_cpu_cap_init(leaf, F(A), X86_64_F(B), ...), a macro whose
 *             scope declares kvm_cpu_cap_init_in_progress = leaf.
 *
 * A feature is any __feature_bit()/__feature_leaf() call with a constant
 * argument inside the list, or a local the list uses that was assigned one.
 */
#include "cpuidcheck.h"

static const char *const list_functions[] = {
	"kvm_cpu_cap_mask", "kvm_cpu_cap_init_kvm_defined", "kvm_cpu_cap_init",
};
static const char in_progress_var[] = "kvm_cpu_cap_init_in_progress";

/* __feature_bit(N): the mask of one feature, N constant */
bool is_feature_bit_call(tree t, long *number)
{
	return is_feature_call(t, number) &&
	       !strcmp(callee_name(t), "__feature_bit");
}

/* __feature_bit(N) or __feature_leaf(N), N constant */
bool is_feature_call(tree t, long *number)
{
	const char *name = callee_name(t);

	return (!strcmp(name, "__feature_bit") ||
		!strcmp(name, "__feature_leaf")) &&
	       call_expr_nargs(t) == 1 &&
	       constant_value(CALL_EXPR_ARG(t, 0), number);
}

static void add_use(struct feature_use *uses, int *nr, long number,
		    location_t call, tree local)
{
	if (*nr == MAX_USES)
		return;
	uses[*nr].number = number;
	uses[*nr].call = call;
	uses[*nr].local = local;
	(*nr)++;
}

/*
 * Where a feature call was written.  Folding "0 | F(X)" (6.12's
 * CPUID_8000_001F_EAX list: "0 /\* SME *\/ | ... | F(SME_COHERENT)")
 * re-locates the call at the "|"; the callee's own location still is the
 * F() expansion.
 */
static location_t use_location(tree t)
{
	location_t loc = EXPR_LOCATION(t);
	tree call = t, fn;

	while (CONVERT_EXPR_P(call) || TREE_CODE(call) == NON_LVALUE_EXPR)
		call = TREE_OPERAND(call, 0);
	if (TREE_CODE(call) != CALL_EXPR ||
	    linemap_location_from_macro_expansion_p(line_table, loc))
		return loc;
	fn = CALL_EXPR_FN(call);
	if (fn && EXPR_HAS_LOCATION(fn) &&
	    linemap_location_from_macro_expansion_p(line_table,
						    EXPR_LOCATION(fn)))
		return EXPR_LOCATION(fn);
	return loc;
}

/* Features in an expression assigned to @local. */
struct local_walk {
	struct cap_lists *scan;
	tree local;
};

static tree collect_local(tree *tp, int *walk_subtrees, void *data)
{
	struct local_walk *w = (struct local_walk *)data;
	long number;

	if (is_feature_call(*tp, &number))
		add_use(w->scan->local, &w->scan->nr_locals, number,
			use_location(*tp), w->local);
	return NULL_TREE;
}

static void note_local(struct cap_lists *scan, tree var, tree value)
{
	struct local_walk w = { scan, var };

	if (!var || TREE_CODE(var) != VAR_DECL || TREE_STATIC(var) || !value)
		return;
	walk_tree_without_duplicates(&value, collect_local, &w);
}

static bool list_scope(tree bind, long *leaf)
{
	tree var;

	for (var = BIND_EXPR_VARS(bind); var; var = DECL_CHAIN(var))
		if (TREE_CODE(var) == VAR_DECL &&
		    !strcmp(decl_name(var), in_progress_var))
			return constant_value(DECL_INITIAL(var), leaf);
	return false;
}

static void add_list(struct cap_lists *scan, long leaf, tree body,
		     location_t loc, const char *api)
{
	struct feature_list *l;

	if (scan->nr_lists == MAX_LISTS)
		return;
	l = &scan->list[scan->nr_lists++];
	l->leaf = leaf;
	l->body = body;
	l->loc = expansion_point(loc);
	l->api = api;
}

static tree find_lists(tree *tp, int *walk_subtrees, void *data)
{
	struct cap_lists *scan = (struct cap_lists *)data;
	tree t = *tp, var;
	size_t i;
	long leaf;

	switch (TREE_CODE(t)) {
	case CALL_EXPR:
		for (i = 0; i < ARRAY_SIZE(list_functions); i++) {
			if (strcmp(callee_name(t), list_functions[i]) ||
			    call_expr_nargs(t) < 2)
				continue;
			if (constant_value(CALL_EXPR_ARG(t, 0), &leaf))
				add_list(scan, leaf, CALL_EXPR_ARG(t, 1),
					 EXPR_LOCATION(t), list_functions[i]);
			*walk_subtrees = 0;
		}
		break;
	case BIND_EXPR:
		if (list_scope(t, &leaf)) {
			add_list(scan, leaf, BIND_EXPR_BODY(t),
				 DECL_SOURCE_LOCATION(BIND_EXPR_VARS(t)),
				 "kvm_cpu_cap_init");
			*walk_subtrees = 0;
			break;
		}
		for (var = BIND_EXPR_VARS(t); var; var = DECL_CHAIN(var))
			if (TREE_CODE(var) == VAR_DECL)
				note_local(scan, var, DECL_INITIAL(var));
		break;
	case MODIFY_EXPR:
		note_local(scan, TREE_OPERAND(t, 0), TREE_OPERAND(t, 1));
		break;
	default:
		break;
	}
	return NULL_TREE;
}

static tree find_uses(tree *tp, int *walk_subtrees, void *data)
{
	struct cap_lists *scan = (struct cap_lists *)data;
	long number;
	int i;

	if (is_feature_call(*tp, &number)) {
		add_use(scan->use, &scan->nr_uses, number, use_location(*tp),
			NULL_TREE);
		*walk_subtrees = 0;
	} else if (TREE_CODE(*tp) == VAR_DECL) {
		for (i = 0; i < scan->nr_locals; i++)
			if (scan->local[i].local == *tp)
				add_use(scan->use, &scan->nr_uses,
					scan->local[i].number,
					scan->local[i].call, *tp);
	}
	return NULL_TREE;
}

/* The lists of @fndecl, or NULL; valid until the next call. */
struct cap_lists *cap_lists_scan(tree fndecl)
{
	static struct cap_lists *scan;
	tree body = DECL_SAVED_TREE(fndecl);

	if (!body)
		return NULL;
	if (!scan)
		scan = XNEW(struct cap_lists);
	scan->nr_lists = scan->nr_locals = scan->nr_uses = 0;
	walk_tree_without_duplicates(&body, find_lists, scan);
	return scan->nr_lists ? scan : NULL;
}

/*
 * The features @list declares, once each where a person wrote them:
 * X86_64_F(LM) makes two __feature_leaf() calls and a __feature_bit().
 */
void cap_list_uses(struct cap_lists *scan,
			 const struct feature_list *list)
{
	tree body = list->body;
	int i, k, n = 0;

	scan->nr_uses = 0;
	walk_tree_without_duplicates(&body, find_uses, scan);
	for (i = 0; i < scan->nr_uses; i++) {
		struct feature_use *u = &scan->use[i];

		u->at = user_location(u->call);
		for (k = 0; k < n; k++)
			if (scan->use[k].at.loc == u->at.loc &&
			    scan->use[k].number == u->number)
				break;
		if (k == n)
			scan->use[n++] = *u;
	}
	scan->nr_uses = n;
}

/*
 * The lists as the judge sees them (judge.h): each one's word, API and
 * line, and the features it declares.  Valid until the next call.
 */
const struct judge_lists *cap_lists_for_judge(struct cap_lists *scan)
{
	static struct judge_list list[MAX_LISTS];
	static struct judge_lists lists = { list, 0 };
	static long *declares;
	static int size;
	int start[MAX_LISTS], i, k, n = 0;

	for (i = 0; i < scan->nr_lists; i++) {
		const struct feature_list *l = &scan->list[i];

		cap_list_uses(scan, l);
		if (n + scan->nr_uses > size) {
			size = 2 * size + scan->nr_uses;
			declares = XRESIZEVEC(long, declares, size);
		}
		start[i] = n;
		for (k = 0; k < scan->nr_uses; k++)
			declares[n++] = model_translate(scan->use[k].number);
		list[i].leaf = l->leaf >= 0 && l->leaf < MAX_WORDS ?
			       (int)l->leaf : -1;
		list[i].api = l->api;
		list[i].line = LOCATION_LINE(l->loc);
		list[i].nr_declares = n - start[i];
	}
	for (i = 0; i < scan->nr_lists; i++)
		list[i].declares = declares + start[i];
	lists.nr = scan->nr_lists;
	return &lists;
}

/* ---- the APIs that query or change KVM's view of a feature ---- */

/* Functions that answer "does it have X?", any era. */
static const char *const query_apis[] = {
	"guest_cpuid_has", "guest_cpu_cap_has", "guest_can_use",
	"kvm_cpu_cap_has", "kvm_cpu_cap_get", "__kvm_cpu_cap_has",
	"cpuid_entry_has", "cpuid_entry_get",
	"kvm_governed_feature_check_and_set",
};

/* The argument that is the feature number: the parameter named so. */
tree feature_argument(tree call)
{
	tree fn = get_callee_fndecl(call), parm;
	int i = 0, n = call_expr_nargs(call);

	if (!n)
		return NULL_TREE;
	for (parm = fn ? DECL_ARGUMENTS(fn) : NULL_TREE; parm && i < n;
	     parm = DECL_CHAIN(parm), i++)
		if (strstr(decl_name(parm), "feature"))
			return CALL_EXPR_ARG(call, i);
	return CALL_EXPR_ARG(call, n - 1);
}

/* Functions that change what KVM advertises or what the guest has. */
static const char *const set_apis[] = {
	"kvm_cpu_cap_set", "kvm_cpu_cap_clear", "kvm_cpu_cap_check_and_set",
	"guest_cpu_cap_set", "guest_cpu_cap_clear", "guest_cpu_cap_change",
	"guest_cpuid_clear", "cpuid_entry_set", "cpuid_entry_clear",
	"cpuid_entry_change", "kvm_governed_feature_set",
};

bool is_query_api(const char *name)
{
	return name_in(name, query_apis, ARRAY_SIZE(query_apis));
}

bool is_set_api(const char *name)
{
	return name_in(name, set_apis, ARRAY_SIZE(set_apis));
}
