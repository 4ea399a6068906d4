// SPDX-License-Identifier: GPL-2.0
/*
 * cpuid-unfiltered: a kernel word that KVM copies into a guest's CPUID must
 * be filtered first, in the eras whose capability setup starts from the
 * host kernel's capabilities.
 *
 * Up to 6.13, kvm_set_cpu_caps() starts with a copy of the host's
 * boot_cpu_data.x86_capability (a memcpy into kvm_cpu_caps) and then
 * filters word by word (kvm_cpu_cap_mask(leaf, F(A) | ...)).  The guest's
 * CPUID gets a word with cpuid_entry_override(entry, leaf).  A kernel word
 * that is overridden but never filtered hands the guest every bit the host
 * kernel has there, including bits KVM does not virtualize and flags the
 * kernel sets itself.  From 6.14 on, kvm_cpu_cap_init() builds each word
 * from its declared features and there is no copy: the check is silent.
 *
 * The era is learned from the code: the function with capability lists
 * that copies x86_capability into kvm_cpu_caps.  A word counts as filtered
 * when a list of that function names it, when that function assigns or
 * ANDs kvm_cpu_caps[leaf], or when the register is assigned or ANDed right
 * after the override, before the next case label (as in "entry->eax &=
 * BIT(0) | BIT(2);").  Judged in the unit that has both (cpuid.c), at
 * each override after the copy.
 */
#include "cpuidcheck.h"

#define CHECK "cpuid-unfiltered"

static struct {
	bool copied;			/* the copy was seen */
	const char *function;		/* the function that copies */
	const char *list_api;		/* its list function, for the fix */
	bool filtered[MAX_WORDS];
} caps;

/* ---- the capability setup: the copy and the filters ---- */

struct copy_walk {
	bool capability, kvm_caps;
};

static tree find_operands(tree *tp, int *walk_subtrees, void *data)
{
	struct copy_walk *w = (struct copy_walk *)data;
	tree t = *tp;

	if (TREE_CODE(t) == COMPONENT_REF &&
	    !strcmp(decl_name(TREE_OPERAND(t, 1)), "x86_capability"))
		w->capability = true;
	else if (TREE_CODE(t) == VAR_DECL &&
		 !strcmp(decl_name(t), "kvm_cpu_caps"))
		w->kvm_caps = true;
	return NULL_TREE;
}

/* kvm_cpu_caps[C], C constant: the word, else -1 */
static long caps_word(tree t)
{
	long word;

	t = strip_conversions(t);
	if (!t || TREE_CODE(t) != ARRAY_REF ||
	    TREE_CODE(TREE_OPERAND(t, 0)) != VAR_DECL ||
	    strcmp(decl_name(TREE_OPERAND(t, 0)), "kvm_cpu_caps") ||
	    !constant_value(TREE_OPERAND(t, 1), &word) || word < 0 ||
	    word >= MAX_WORDS)
		return -1;
	return word;
}

/*
 * memcpy(&kvm_cpu_caps, &boot_cpu_data.x86_capability, ...) in any of its
 * spellings (FORTIFY_SOURCE wraps it), and "kvm_cpu_caps[leaf] = / &= ..."
 */
static tree find_copy(tree *tp, int *walk_subtrees, void *data)
{
	tree t = *tp, rhs;
	long word;

	if (TREE_CODE(t) == CALL_EXPR && strstr(callee_name(t), "memcpy")) {
		struct copy_walk w = { false, false };
		int i;

		for (i = 0; i < call_expr_nargs(t); i++)
			walk_tree_without_duplicates(&CALL_EXPR_ARG(t, i),
						     find_operands, &w);
		if (w.capability && w.kvm_caps)
			caps.copied = true;
	} else if (TREE_CODE(t) == MODIFY_EXPR) {
		word = caps_word(TREE_OPERAND(t, 0));
		rhs = strip_conversions(TREE_OPERAND(t, 1));
		if (word >= 0 && !(rhs && TREE_CODE(rhs) == BIT_IOR_EXPR))
			caps.filtered[word] = true;
	}
	return NULL_TREE;
}

static void unfiltered_on_lists(struct cap_lists *lists, tree fndecl)
{
	tree body = DECL_SAVED_TREE(fndecl);
	bool had_copy = caps.copied;
	int i;

	walk_tree_without_duplicates(&body, find_copy, NULL);
	if (had_copy || !caps.copied) {
		/* lists elsewhere do not filter the copy */
		if (!had_copy)
			memset(caps.filtered, 0, sizeof(caps.filtered));
		return;
	}
	caps.function = decl_name(fndecl);
	for (i = 0; i < lists->nr_lists; i++) {
		const struct feature_list *l = &lists->list[i];

		if (l->leaf >= 0 && l->leaf < MAX_WORDS)
			caps.filtered[l->leaf] = true;
		/* the kernel words' list API, not the KVM-only one */
		if (!caps.list_api &&
		    strcmp(l->api, "kvm_cpu_cap_init_kvm_defined"))
			caps.list_api = l->api;
	}
}

/* ---- the overrides ---- */

/* cpuid_entry_override(ENTRY, C): the entry variable and the word */
static bool is_override(tree t, tree *entry, long *word)
{
	t = strip_conversions(t);
	if (!t || TREE_CODE(t) != CALL_EXPR ||
	    strcmp(callee_name(t), "cpuid_entry_override") ||
	    call_expr_nargs(t) != 2 ||
	    !constant_value(CALL_EXPR_ARG(t, 1), word))
		return false;
	*entry = strip_conversions(CALL_EXPR_ARG(t, 0));
	return *entry && TREE_CODE(*entry) == VAR_DECL;
}

static const char *reg_field(int reg)
{
	return arch_reg_name(reg);
}

/* "ENTRY->REG = X" or "ENTRY->REG &= X" */
static bool filters_register(tree stmt, tree entry, int reg)
{
	tree lhs, rhs, base;

	stmt = strip_conversions(stmt);
	if (!stmt || TREE_CODE(stmt) != MODIFY_EXPR)
		return false;
	lhs = TREE_OPERAND(stmt, 0);
	rhs = strip_conversions(TREE_OPERAND(stmt, 1));
	if (TREE_CODE(lhs) != COMPONENT_REF ||
	    strcmp(decl_name(TREE_OPERAND(lhs, 1)), reg_field(reg)))
		return false;
	base = TREE_OPERAND(lhs, 0);
	if (TREE_CODE(base) == INDIRECT_REF || TREE_CODE(base) == MEM_REF)
		base = strip_conversions(TREE_OPERAND(base, 0));
	return base == entry &&
	       !(rhs && (TREE_CODE(rhs) == BIT_IOR_EXPR ||
			 TREE_CODE(rhs) == BIT_XOR_EXPR));
}

static void judge_override(tree call, tree entry, long word,
			   tree_stmt_iterator after)
{
	struct cpuid_place p;
	char place[64], copy[128], fix[256];
	struct finding_record f = { .check = CHECK, .fix = fix };
	const char *name;

	if (!caps.copied || word < 0 || word >= MAX_WORDS ||
	    caps.filtered[word] || !model_word_is_kernel(word) ||
	    !model_place_of(word * 32, &p))
		return;
	for (; !tsi_end_p(after); tsi_next(&after)) {
		tree s = tsi_stmt(after);

		if (TREE_CODE(s) == CASE_LABEL_EXPR)
			break;
		if (filters_register(s, entry, p.reg))
			return;
	}
	name = model_word_name(word);
	p.bit = -1;
	format_place(place, sizeof(place), &p);
	/* no line number: the message must survive patches above the copy */
	snprintf(copy, sizeof(copy),
		 "%s() starts from a copy of the host's x86_capability",
		 caps.function);
	snprintf(fix, sizeof(fix),
		 "add %s(%s, <the features KVM supports>) to %s(), or mask %s->%s right after the override",
		 caps.list_api ? caps.list_api : "kvm_cpu_cap_mask", name,
		 caps.function, decl_name(entry), reg_field(p.reg));
	f.subject = name;
	report(user_location(EXPR_LOCATION(call)).loc, &f,
	       "cpuid_entry_override(%s, %s) gives the guest KVM's word %s (%s), but %s and no capability list filters %s, so every bit the host kernel sets there reaches the guest",
	       decl_name(entry), name, name, place, copy, name);
}

static tree find_overrides(tree *tp, int *walk_subtrees, void *data)
{
	tree_stmt_iterator it, next;
	tree entry;
	long word;

	if (TREE_CODE(*tp) != STATEMENT_LIST)
		return NULL_TREE;
	for (it = tsi_start(*tp); !tsi_end_p(it); tsi_next(&it)) {
		if (!is_override(tsi_stmt(it), &entry, &word))
			continue;
		next = it;
		tsi_next(&next);
		judge_override(strip_conversions(tsi_stmt(it)), entry, word,
			       next);
	}
	return NULL_TREE;
}

static void unfiltered_begin_function(tree fndecl)
{
	tree body = DECL_SAVED_TREE(fndecl);

	if (caps.copied && body)
		walk_tree_without_duplicates(&body, find_overrides, NULL);
}

struct cpuidcheck_check check_unfiltered = {
	.name		= CHECK,
	.begin_function	= unfiltered_begin_function,
	.on_lists	= unfiltered_on_lists,
};
