// SPDX-License-Identifier: GPL-2.0
/*
 * Reads of CPUID output registers, and where they come from.
 *
 * A read is "entry->REG" of a struct kvm_cpuid_entry2 or "cpuid_REG(fn)".
 * The entry's function and index come from the lookup that produced it
 * (entry = kvm_find_cpuid_entry[_index](vcpu, fn[, idx])) or from a guard
 * around the read (if (entry->function == 7 && entry->index == 0) ...).
 * A read whose origin can't be known is not a read here: no guessing.
 *
 * The walk is in source order, so "entry = lookup(0x1); ...; entry =
 * lookup(0x7)" is followed as written; guards hold inside their branch.
 */
#include "cpuidcheck.h"

struct entry_origin {
	tree var;
	struct cpuid_read read;
};

#define MAX_ORIGINS 64

const char *arch_reg_name(int reg)
{
	static const char *const names[NR_ARCH_REGS] = {
		"eax", "ebx", "ecx", "edx"
	};

	return reg >= 0 && reg < NR_ARCH_REGS ? names[reg] : "?";
}

static int reg_of_name(const char *name)
{
	int i;

	for (i = 0; i < NR_ARCH_REGS; i++)
		if (!strcmp(name, arch_reg_name(i)))
			return i;
	return -1;
}

static struct entry_origin *origin_of(struct cpuid_walk *w, tree var)
{
	int i;

	for (i = 0; i < w->nr_origins; i++)
		if (w->origins[i].var == var)
			return &w->origins[i];
	return NULL;
}

static void forget(struct cpuid_walk *w, tree var)
{
	struct entry_origin *o = origin_of(w, var);

	if (o)
		*o = w->origins[--w->nr_origins];
}

static struct entry_origin *remember(struct cpuid_walk *w, tree var)
{
	struct entry_origin *o = origin_of(w, var);

	if (o)
		return o;
	if (w->nr_origins == MAX_ORIGINS)
		return NULL;
	o = &w->origins[w->nr_origins++];
	memset(o, 0, sizeof(*o));
	o->var = var;
	return o;
}

/*
 * Which arguments of a lookup are the CPUID function and index.  Every
 * release names the parameters "function" and "index", whatever the shape:
 * 5.10's kvm_find_cpuid_entry(vcpu, function, index) is 6.1's _index()
 * under the plain name, 7.x's kvm_find_cpuid_entry2() and
 * cpuid_entry2_find() take the entry array first.  Parameter names are only
 * known where the unit sees the definition; otherwise the shape is read
 * from the callee's name and argument count: an "_index" or "2_find"
 * lookup, or a plain one called with one argument more than its 6.1
 * (vcpu, function), ends with (function, index), any other with function.
 */
static bool lookup_arguments(tree call, int *fn_arg, int *idx_arg)
{
	tree callee = get_callee_fndecl(call), parm;
	const char *name = callee_name(call);
	int n = call_expr_nargs(call), i = 0;
	bool indexed;

	*fn_arg = *idx_arg = -1;
	for (parm = callee ? DECL_ARGUMENTS(callee) : NULL_TREE;
	     parm && i < n; parm = DECL_CHAIN(parm), i++) {
		if (!strcmp(decl_name(parm), "function"))
			*fn_arg = i;
		else if (!strcmp(decl_name(parm), "index"))
			*idx_arg = i;
	}
	if (*fn_arg >= 0)
		return true;
	indexed = strstr(name, "_index") || strstr(name, "2_find") ||
		  (!strcmp(name, "kvm_find_cpuid_entry") && n == 3);
	if (n < (indexed ? 3 : 2))
		return false;
	*fn_arg = n - (indexed ? 2 : 1);
	*idx_arg = indexed ? n - 1 : -1;
	return true;
}

/* entry = kvm_find_cpuid_entry(vcpu, fn[, idx]) / _index(vcpu, fn, idx) */
static void note_assign(struct cpuid_walk *w, tree var, tree value)
{
	const char *name;
	struct entry_origin *o;
	int fn_arg, idx_arg;
	long fn, idx = 0;

	if (!var || TREE_CODE(var) != VAR_DECL)
		return;
	forget(w, var);
	if (w->nr_assigned < MAX_ORIGINS)
		w->assigned[w->nr_assigned++] = var;
	value = strip_conversions(value);
	if (!value || TREE_CODE(value) != CALL_EXPR)
		return;
	name = callee_name(value);
	if (strncmp(name, "kvm_find_cpuid_entry", 20) &&
	    strcmp(name, "cpuid_entry2_find"))
		return;
	if (!lookup_arguments(value, &fn_arg, &idx_arg) ||
	    !constant_value(CALL_EXPR_ARG(value, fn_arg), &fn))
		return;
	if (idx_arg >= 0 && !constant_value(CALL_EXPR_ARG(value, idx_arg), &idx))
		return;
	o = remember(w, var);
	if (!o)
		return;
	o->read.function_known = true;
	o->read.function = fn;
	o->read.index_known = idx_arg >= 0 || !facts_function_indexed(fn);
	o->read.index = idx;
	o->read.origin = EXPR_LOCATION(value);
}

static bool is_cpuid_entry(tree t)
{
	tree type = TREE_TYPE(t), name;

	if (!type || TREE_CODE(type) != RECORD_TYPE)
		return false;
	name = TYPE_NAME(type);
	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	return name && TREE_CODE(name) == IDENTIFIER_NODE &&
	       !strcmp(IDENTIFIER_POINTER(name), "kvm_cpuid_entry2");
}

/* entry->FIELD, FIELD in {function, index, eax...}: the entry variable */
static tree entry_field(tree t, const char **field)
{
	tree base;

	t = strip_conversions(t);
	if (!t || TREE_CODE(t) != COMPONENT_REF)
		return NULL_TREE;
	base = TREE_OPERAND(t, 0);
	if (!is_cpuid_entry(base))
		return NULL_TREE;
	*field = decl_name(TREE_OPERAND(t, 1));
	if (TREE_CODE(base) == INDIRECT_REF || TREE_CODE(base) == MEM_REF)
		base = strip_conversions(TREE_OPERAND(base, 0));
	return base && TREE_CODE(base) == VAR_DECL ? base : NULL_TREE;
}

bool cpuid_read_of(struct cpuid_walk *w, tree t, struct cpuid_read *read)
{
	const char *field, *name;
	struct entry_origin *o;
	tree var;
	long fn;

	t = strip_conversions(t);
	if (!t)
		return false;
	if (TREE_CODE(t) == CALL_EXPR) {
		name = callee_name(t);
		if (strncmp(name, "cpuid_e", 7) || strlen(name) != 9 ||
		    call_expr_nargs(t) != 1 ||
		    !constant_value(CALL_EXPR_ARG(t, 0), &fn))
			return false;
		memset(read, 0, sizeof(*read));
		read->reg = reg_of_name(name + 6);
		read->function_known = true;
		read->function = fn;
		read->index_known = !facts_function_indexed(fn);
		read->origin = EXPR_LOCATION(t);
		return read->reg >= 0;
	}
	var = entry_field(t, &field);
	if (!var || reg_of_name(field) < 0)
		return false;
	o = origin_of(w, var);
	if (!o || !o->read.function_known)
		return false;
	*read = o->read;
	read->reg = reg_of_name(field);
	return true;
}

/* entry->function == C && entry->index == I, in a conjunction */
static void apply_guards(struct cpuid_walk *w, tree cond)
{
	struct entry_origin *o;
	const char *field;
	tree var;
	long value;

	cond = strip_conversions(cond);
	if (!cond)
		return;
	switch (TREE_CODE(cond)) {
	case TRUTH_ANDIF_EXPR:
	case TRUTH_AND_EXPR:
		apply_guards(w, TREE_OPERAND(cond, 0));
		apply_guards(w, TREE_OPERAND(cond, 1));
		return;
	case EQ_EXPR:
		var = entry_field(TREE_OPERAND(cond, 0), &field);
		if (!var || !constant_value(TREE_OPERAND(cond, 1), &value))
			return;
		if (!strcmp(field, "function")) {
			o = remember(w, var);
			if (!o)
				return;
			/* an index guard seen first still holds */
			if (!o->read.index_known ||
			    (o->read.function_known &&
			     o->read.function != (unsigned long)value)) {
				o->read.index_known =
					!facts_function_indexed(value);
				o->read.index = 0;
			}
			o->read.function_known = true;
			o->read.function = value;
			o->read.origin = EXPR_LOCATION(cond);
		} else if (!strcmp(field, "index")) {
			o = remember(w, var);
			if (!o)
				return;
			o->read.index_known = true;
			o->read.index = value;
		}
		return;
	default:
		return;
	}
}

static tree walk_one(tree *tp, int *walk_subtrees, void *data);

static void walk_sub(struct cpuid_walk *w, tree t)
{
	if (t)
		walk_tree_without_duplicates(&t, walk_one, w);
}

static bool bit_op(tree t)
{
	return TREE_CODE(t) == BIT_AND_EXPR || TREE_CODE(t) == BIT_IOR_EXPR ||
	       TREE_CODE(t) == BIT_XOR_EXPR;
}

static tree walk_one(tree *tp, int *walk_subtrees, void *data)
{
	struct cpuid_walk *w = (struct cpuid_walk *)data;
	struct entry_origin *saved;
	struct cpuid_read read;
	tree t = *tp, var, lhs, rhs, outer;
	int nr_saved, mark, i;

	switch (TREE_CODE(t)) {
	case BIND_EXPR:
		for (var = BIND_EXPR_VARS(t); var; var = DECL_CHAIN(var))
			if (TREE_CODE(var) == VAR_DECL && DECL_INITIAL(var))
				note_assign(w, var, DECL_INITIAL(var));
		break;
	case MODIFY_EXPR:
	case INIT_EXPR:
		lhs = TREE_OPERAND(t, 0);
		rhs = strip_conversions(TREE_OPERAND(t, 1));
		if (TREE_CODE(lhs) == VAR_DECL)
			note_assign(w, lhs, rhs);
		if (w->on_mask && rhs && bit_op(rhs) &&
		    cpuid_read_of(w, lhs, &read) &&
		    operand_equal_p(strip_conversions(TREE_OPERAND(rhs, 0)), lhs, 0)) {
			w->on_mask(w, rhs, &read, TREE_OPERAND(rhs, 1), true);
			walk_sub(w, TREE_OPERAND(rhs, 1));
			*walk_subtrees = 0;
		}
		break;
	case BIT_AND_EXPR:
	case BIT_IOR_EXPR:
	case BIT_XOR_EXPR:
		if (!w->on_mask)
			break;
		if (cpuid_read_of(w, TREE_OPERAND(t, 0), &read))
			w->on_mask(w, t, &read, TREE_OPERAND(t, 1), false);
		else if (cpuid_read_of(w, TREE_OPERAND(t, 1), &read))
			w->on_mask(w, t, &read, TREE_OPERAND(t, 0), false);
		break;
	case CALL_EXPR:
		if (w->on_call)
			w->on_call(w, t);
		break;
	case COND_EXPR:
		nr_saved = w->nr_origins;
		saved = XNEWVEC(struct entry_origin, nr_saved + 1);
		memcpy(saved, w->origins, nr_saved * sizeof(*saved));
		apply_guards(w, TREE_OPERAND(t, 0));
		outer = w->cond;
		w->cond = t;
		walk_sub(w, TREE_OPERAND(t, 0));
		w->cond = outer;
		mark = w->nr_assigned;
		walk_sub(w, TREE_OPERAND(t, 1));
		memcpy(w->origins, saved, nr_saved * sizeof(*saved));
		w->nr_origins = nr_saved;
		free(saved);
		walk_sub(w, TREE_OPERAND(t, 2));
		/* after the branches, an entry assigned in one is unknown */
		for (i = mark; i < w->nr_assigned; i++)
			forget(w, w->assigned[i]);
		if (w->nr_assigned == MAX_ORIGINS)
			w->nr_origins = 0;	/* lost track: know nothing */
		*walk_subtrees = 0;
		break;
	default:
		break;
	}
	return NULL_TREE;
}

void cpuid_walk_function(struct cpuid_walk *w, tree fndecl)
{
	tree body = DECL_SAVED_TREE(fndecl);

	if (!body)
		return;
	w->origins = XCNEWVEC(struct entry_origin, MAX_ORIGINS);
	w->nr_origins = 0;
	w->nr_assigned = 0;
	w->cond = NULL_TREE;
	walk_sub(w, body);
	free(w->origins);
	w->origins = NULL;
}
