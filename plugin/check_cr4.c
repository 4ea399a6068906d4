// SPDX-License-Identifier: GPL-2.0
/*
 * cpuid-cr4: every CR4 bit KVM lets a guest set must be gated by the CPUID
 * feature that enumerates it (data/cpuid-facts, Intel SDM Vol. 3A 2.5).
 *
 * Two places encode the gates:
 *   - the reserved-bits macro, __cr4_reserved_bits(__cpu_has, __c) in every
 *     release, recognised by its shape: a function-like macro that starts
 *     from CR4_RESERVED_BITS and adds "if (!has(X86_FEATURE_F)) bits |=
 *     X86_CR4_B;" gates.  It is judged in the unit that expands it with a
 *     guest query (cpuid.c), so each finding is printed once per build;
 *   - nested VMX's CR4 fixed1 bits: "if (entry && (entry->REG & F)) ...
 *     cr4_fixed1 |= X86_CR4_B" tuples after entry = kvm_find_cpuid_entry().
 * Findings: a bit CR4_RESERVED_BITS allows with no gate, a gate with a
 * feature that does not enumerate the bit, a fixed1 tuple reading the wrong
 * function/index/register or naming the wrong feature, a fixed1 bit that
 * CR4_RESERVED_BITS never allows, a gated bit missing from fixed1.
 */
#include "cpuidcheck.h"

#define CHECK "cpuid-cr4"

/* at most as many findings as one judgement can make */
#define MAX_FINDINGS 128

static struct {
	bool looked;
	cpp_hashnode *macro;		/* the reserved-bits macro */
	struct judge_cr4_macro jm;	/* its gates, as the judge reads them */
	location_t gate_loc[MAX_CR4_MACRO_GATES];	/* each "if" */
	bool judged;
	location_t def_loc;		/* its #define */
} rb;

static struct judge_finding *findings(void)
{
	static struct judge_finding *found;

	if (!found)
		found = XNEWVEC(struct judge_finding, MAX_FINDINGS);
	return found;
}

static const char *token_name(const cpp_token *tok)
{
	if (tok->type == CPP_NAME)
		return (const char *)NODE_NAME(tok->val.node.node);
	if (tok->type == CPP_MACRO_ARG && tok->val.macro_arg.spelling)
		return (const char *)NODE_NAME(tok->val.macro_arg.spelling);
	return "";
}

static bool cr4_value(const char *name, unsigned long *bits)
{
	long v;

	if (!model_eval_macro(name, &v))
		return false;
	*bits = v;
	return true;
}

/* "if ( ... X86_FEATURE_F ... ) VAR |= X86_CR4_B ... ;" */
static int parse_gate(const cpp_macro *m, unsigned int i)
{
	struct judge_cr4_gate *g = &rb.jm.gate[rb.jm.nr_gates];
	unsigned int j = i + 1;
	int depth = 0;

	memset(g, 0, sizeof(*g));
	rb.gate_loc[rb.jm.nr_gates] = m->exp.tokens[i].src_loc;
	for (; j < m->count; j++) {
		const cpp_token *tok = &m->exp.tokens[j];
		const char *name = token_name(tok);

		if (tok->type == CPP_OPEN_PAREN)
			depth++;
		else if (tok->type == CPP_CLOSE_PAREN && --depth == 0)
			break;
		else if (!strncmp(name, "X86_FEATURE_", 12) &&
			 g->nr_features < MAX_CR4_GATE_FEATURES)
			g->feature[g->nr_features++] = name;
	}
	for (j++; j < m->count && m->exp.tokens[j].type != CPP_SEMICOLON;
	     j++) {
		const cpp_token *tok = &m->exp.tokens[j];
		const char *name = token_name(tok);
		unsigned long bits;

		if (tok->type == CPP_OR_EQ && j > 0 && !rb.jm.var)
			rb.jm.var = token_name(&m->exp.tokens[j - 1]);
		if (!strncmp(name, "X86_CR4_", 8) && cr4_value(name, &bits))
			g->bits |= bits;
	}
	if (g->nr_features && g->bits && rb.jm.nr_gates < MAX_CR4_MACRO_GATES)
		rb.jm.nr_gates++;
	return j;
}

static bool reserved_bits_shape(const cpp_macro *m)
{
	bool uses_reserved = false, has_if = false;
	unsigned int i;

	if (m->kind != cmk_macro || !m->fun_like || m->paramc != 2)
		return false;
	for (i = 0; i < m->count; i++) {
		const char *name = token_name(&m->exp.tokens[i]);

		uses_reserved |= !strcmp(name, "CR4_RESERVED_BITS");
		has_if |= !strcmp(name, "if");
	}
	return uses_reserved && has_if;
}

/* Every #define: is it the reserved-bits macro? */
static void cr4_on_define(cpp_hashnode *node, location_t loc)
{
	if (!rb.macro && compat_user_macro_p(node) && node->value.macro &&
	    reserved_bits_shape(node->value.macro)) {
		rb.macro = node;
		rb.def_loc = loc;
	}
}

/* Read the gates once the macro and everything it names exist. */
static void look_for_macro(void)
{
	const cpp_macro *m;
	unsigned int i;
	long v;

	if (!model.have_cr4_allowed &&
	    model_eval_macro("CR4_RESERVED_BITS", &v)) {
		model.have_cr4_allowed = true;
		model.cr4_allowed = ~(unsigned long)v;
	}
	if (rb.looked || !rb.macro)
		return;
	rb.looked = true;
	m = rb.macro->value.macro;
	rb.jm.name = (const char *)NODE_NAME(rb.macro);
	rb.jm.cpu_has = (const char *)NODE_NAME(m->parm.params[0]);
	rb.jm.caps = (const char *)NODE_NAME(m->parm.params[1]);
	for (i = 0; i < m->count; i++) {
		if (!strcmp(token_name(&m->exp.tokens[i]), "if"))
			i = parse_gate(m, i);
	}
}

/*
 * The CR4 bits the reserved-bits macro makes reserved when the guest lacks
 * a CPUID feature, and the macro's name (for cpuid-cr4-owned); false when
 * the unit has no such macro.
 */
bool cr4_gated_bits(unsigned long *bits, const char **macro)
{
	int g;

	look_for_macro();
	if (!rb.looked)
		return false;
	*bits = 0;
	for (g = 0; g < rb.jm.nr_gates; g++)
		*bits |= rb.jm.gate[g].bits;
	*macro = (const char *)NODE_NAME(rb.macro);
	return true;
}

/* The first feature the reserved-bits macro gates CR4 bit @bit on. */
const char *cr4_gate_feature(int bit)
{
	int g;

	for (g = 0; g < rb.jm.nr_gates; g++)
		if (rb.jm.gate[g].bits & (1UL << bit))
			return rb.jm.gate[g].feature[0];
	return NULL;
}

/* ---- the reserved-bits macro ---- */

/* Each gate's CR4 bits, once per build (the map's "gated by" column). */
static void record_gates(void)
{
	char subject[32];
	int i, g, k;

	for (i = 0; i < facts.nr_cr4; i++) {
		const struct cr4_fact *f = &facts.cr4[i];

		snprintf(subject, sizeof(subject), "CR4.%s", f->name);
		for (g = 0; g < rb.jm.nr_gates; g++)
			if (rb.jm.gate[g].bits & (1UL << f->bit))
				for (k = 0; k < rb.jm.gate[g].nr_features; k++)
					record_gate(subject,
						    rb.jm.gate[g].feature[k],
						    "reserved-bits",
						    rb.gate_loc[g]);
	}
}

static void judge_reserved_bits(void)
{
	struct judge_finding *found = findings();
	int g, k, i, n;

	for (g = 0; g < rb.jm.nr_gates; g++)
		for (k = 0; k < rb.jm.gate[g].nr_features; k++)
			rb.jm.gate[g].known[k] =
				model_eval_macro(rb.jm.gate[g].feature[k],
						 &rb.jm.gate[g].number[k]);
	record_gates();
	n = judge_cr4_reserved_bits(model_for_judge(), &rb.jm, found,
				    MAX_FINDINGS);
	for (i = 0; i < n; i++)
		report_judged(&found[i], found[i].at < 0 ? rb.def_loc :
					 rb.gate_loc[found[i].at]);
}

/* A guest query made by an expansion of the macro: judge it, once. */
static void cr4_on_call(struct cpuid_walk *w, tree call)
{
	const char *name = callee_name(call);

	if (!rb.looked || rb.judged ||
	    (strcmp(name, "guest_cpuid_has") &&
	     strcmp(name, "guest_cpu_cap_has")) ||
	    !loc_in_macro(EXPR_LOCATION(call),
			  (const char *)NODE_NAME(rb.macro)))
		return;
	rb.judged = true;
	judge_reserved_bits();
}

/* ---- nested VMX CR4 fixed1 tuples ---- */

/* the tuples of the function being walked */
static struct {
	unsigned long bits_seen;
	int nr_tuples;
} fixed1;

/* "X |= C" to a field named cr4_fixed1, in the branch of the test */
static bool fixed1_bits(tree cond, unsigned long *bits)
{
	tree then, lhs, rhs;
	long v;

	if (!cond)
		return false;
	then = TREE_OPERAND(cond, 1);
	for (;;) {
		if (then && TREE_CODE(then) == BIND_EXPR)
			then = BIND_EXPR_BODY(then);
		else if (then && TREE_CODE(then) == STATEMENT_LIST &&
			 !tsi_end_p(tsi_start(then)))
			then = tsi_stmt(tsi_start(then));
		else
			break;
	}
	if (!then || TREE_CODE(then) != MODIFY_EXPR)
		return false;
	lhs = TREE_OPERAND(then, 0);
	/* GCC 15 converts "x | C" back to the field's typedef (u64) */
	rhs = strip_conversions(TREE_OPERAND(then, 1));
	if (TREE_CODE(lhs) != COMPONENT_REF ||
	    strcmp(decl_name(TREE_OPERAND(lhs, 1)), "cr4_fixed1") ||
	    TREE_CODE(rhs) != BIT_IOR_EXPR ||
	    !constant_value(TREE_OPERAND(rhs, 1), &v))
		return false;
	*bits = v;
	return true;
}

static void judge_tuple(const struct cpuid_read *r, unsigned long bits,
			long number, location_t at)
{
	struct judge_read read = {
		r->function_known, r->function, r->index_known, r->index,
		r->reg
	};
	struct judge_finding *found = findings();
	const char *name = model_feature_name(number);
	struct cpuid_place fp;
	char subject[32];
	int bit, i, n;

	if (!name || !model_place_of(model_translate(number), &fp))
		return;
	n = judge_cr4_tuple(model_for_judge(), &read, bits, number, found,
			    MAX_FINDINGS);
	for (bit = 0; bit < 64; bit++) {
		const struct cr4_fact *f = fact_of_bit(bit);

		if (!(bits & (1UL << bit)) || !f)
			continue;
		snprintf(subject, sizeof(subject), "CR4.%s", f->name);
		record_gate(subject, name, "fixed1", at);
	}
	for (i = 0; i < n; i++)
		report_judged(&found[i], at);
}

static void on_mask(struct cpuid_walk *w, tree expr,
		    const struct cpuid_read *read, tree mask, bool update)
{
	unsigned long bits;
	long number;

	if (update || !fixed1_bits(w->cond, &bits))
		return;
	if (!is_feature_bit_call(strip_conversions(mask), &number))
		return;
	fixed1.bits_seen |= bits;
	fixed1.nr_tuples++;
	judge_tuple(read, bits, number,
		    expansion_point(EXPR_LOCATION(w->cond)));
}

static void cr4_begin_function(tree fndecl)
{
	look_for_macro();
	fixed1.bits_seen = 0;
	fixed1.nr_tuples = 0;
}

/* A bit the reserved-bits macro gates must be in fixed1 too. */
static void cr4_end_function(tree fndecl)
{
	struct judge_finding *found = findings();
	int i, n;

	if (!fixed1.nr_tuples || !rb.looked)
		return;
	n = judge_cr4_fixed1_missing(&rb.jm, decl_name(fndecl),
				     fixed1.bits_seen, found, MAX_FINDINGS);
	for (i = 0; i < n; i++)
		report_judged(&found[i], DECL_SOURCE_LOCATION(fndecl));
}

struct cpuidcheck_check check_cr4 = {
	.name		= CHECK,
	.begin_function	= cr4_begin_function,
	.on_call	= cr4_on_call,
	.on_mask	= on_mask,
	.end_function	= cr4_end_function,
	.on_define	= cr4_on_define,
};
