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

#define MAX_GATES 48
#define MAX_GATE_FEATURES 4

struct cr4_gate {
	location_t loc;				/* the "if" */
	const char *feature[MAX_GATE_FEATURES];	/* X86_FEATURE_* */
	int nr_features;
	unsigned long bits;			/* X86_CR4_* it sets */
};

static struct {
	bool looked;
	cpp_hashnode *macro;		/* the reserved-bits macro */
	const char *cpu_has, *caps, *var;	/* its parameter/variable names */
	struct cr4_gate gate[MAX_GATES];
	int nr_gates;
	bool have_allowed;
	unsigned long allowed;		/* ~CR4_RESERVED_BITS */
	bool judged;
	location_t def_loc;		/* its #define */
} rb;

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
	struct cr4_gate *g = &rb.gate[rb.nr_gates];
	unsigned int j = i + 1;
	int depth = 0;

	memset(g, 0, sizeof(*g));
	g->loc = m->exp.tokens[i].src_loc;
	for (; j < m->count; j++) {
		const cpp_token *tok = &m->exp.tokens[j];
		const char *name = token_name(tok);

		if (tok->type == CPP_OPEN_PAREN)
			depth++;
		else if (tok->type == CPP_CLOSE_PAREN && --depth == 0)
			break;
		else if (!strncmp(name, "X86_FEATURE_", 12) &&
			 g->nr_features < MAX_GATE_FEATURES)
			g->feature[g->nr_features++] = name;
	}
	for (j++; j < m->count && m->exp.tokens[j].type != CPP_SEMICOLON;
	     j++) {
		const cpp_token *tok = &m->exp.tokens[j];
		const char *name = token_name(tok);
		unsigned long bits;

		if (tok->type == CPP_OR_EQ && j > 0 && !rb.var)
			rb.var = token_name(&m->exp.tokens[j - 1]);
		if (!strncmp(name, "X86_CR4_", 8) && cr4_value(name, &bits))
			g->bits |= bits;
	}
	if (g->nr_features && g->bits && rb.nr_gates < MAX_GATES)
		rb.nr_gates++;
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

	if (!rb.have_allowed && model_eval_macro("CR4_RESERVED_BITS", &v)) {
		rb.have_allowed = true;
		rb.allowed = ~(unsigned long)v;
	}
	if (rb.looked || !rb.macro)
		return;
	rb.looked = true;
	m = rb.macro->value.macro;
	rb.cpu_has = (const char *)NODE_NAME(m->parm.params[0]);
	rb.caps = (const char *)NODE_NAME(m->parm.params[1]);
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
	for (g = 0; g < rb.nr_gates; g++)
		*bits |= rb.gate[g].bits;
	*macro = (const char *)NODE_NAME(rb.macro);
	return true;
}

/* The first feature the reserved-bits macro gates CR4 bit @bit on. */
const char *cr4_gate_feature(int bit)
{
	int g;

	for (g = 0; g < rb.nr_gates; g++)
		if (rb.gate[g].bits & (1UL << bit))
			return rb.gate[g].feature[0];
	return NULL;
}

/* Does feature @number (as written) enumerate CR4 bit @f? */
static bool enumerates(const struct cr4_fact *f, long number)
{
	struct cpuid_place p;
	int k;

	if (!model_place_of(model_translate(number), &p))
		return true;		/* can't tell: no guess */
	for (k = 0; k < f->nr_gates; k++)
		if (place_equal(&p, &f->gate[k].place))
			return true;
	return false;
}

/* "X86_FEATURE_SMEP (CPUID.(EAX=7,ECX=0):EBX[7])" for each gate of @f */
static void describe_gates(char *buf, size_t len, const struct cr4_fact *f)
{
	size_t used = 0;
	int k;

	buf[0] = '\0';
	for (k = 0; k < f->nr_gates && used < len; k++) {
		char place[64];

		format_place(place, sizeof(place), &f->gate[k].place);
		used += snprintf(buf + used, len - used, "%sX86_FEATURE_%s (%s)",
				 k ? " or " : "", f->gate[k].feature, place);
	}
}

/* ---- the reserved-bits macro ---- */

static void judge_reserved_bits(void)
{
	const char *mname = (const char *)NODE_NAME(rb.macro);
	location_t def = rb.def_loc;
	char gates[256], fix[512], place[64], feature[64], wplace[64];
	struct finding_record r = { .check = CHECK };
	int i, g, k;

	for (i = 0; i < facts.nr_cr4; i++) {
		const struct cr4_fact *f = &facts.cr4[i];
		unsigned long bit = 1UL << f->bit;
		char subject[32];
		bool gated = false;

		snprintf(subject, sizeof(subject), "CR4.%s", f->name);
		describe_gates(gates, sizeof(gates), f);
		for (g = 0; g < rb.nr_gates; g++) {
			const struct cr4_gate *gate = &rb.gate[g];

			if (!(gate->bits & bit))
				continue;
			gated = true;
			for (k = 0; k < gate->nr_features; k++)
				record_gate(subject, gate->feature[k],
					    "reserved-bits", gate->loc);
			for (k = 0; k < gate->nr_features; k++) {
				struct cpuid_place wp;
				long number;

				if (!f->nr_gates ||
				    !model_eval_macro(gate->feature[k], &number) ||
				    enumerates(f, number))
					continue;
				wplace[0] = '\0';
				if (model_place_of(model_translate(number), &wp))
					format_place(wplace, sizeof(wplace), &wp);
				r.subject = subject;
				r.feature = gate->feature[k];
				r.place = wplace;
				r.expected = gates;
				r.fix = "check that instead";
				report(gate->loc, &r,
				       "CR4.%s is gated on %s, which does not enumerate it; CR4.%s is enumerated by %s",
				       f->name, gate->feature[k], f->name,
				       gates);
			}
		}
		if (gated || !f->nr_gates || !rb.have_allowed ||
		    !(rb.allowed & bit))
			continue;
		if (f->nr_gates == 1)
			snprintf(fix, sizeof(fix),
				 "add if (!%s(%s, X86_FEATURE_%s)) %s |= X86_CR4_%s;",
				 rb.cpu_has, rb.caps, f->gate[0].feature,
				 rb.var ? rb.var : "bits", f->name);
		else
			snprintf(fix, sizeof(fix),
				 "add a check of %s that sets X86_CR4_%s when none is present",
				 gates, f->name);
		format_place(place, sizeof(place), &f->gate[0].place);
		snprintf(feature, sizeof(feature), "X86_FEATURE_%s",
			 f->gate[0].feature);
		r.subject = subject;
		r.feature = feature;
		r.place = place;
		r.expected = gates;
		r.fix = fix;
		report(def, &r,
		       "CR4.%s: CR4_RESERVED_BITS lets a guest set CR4.%s, but %s() never checks %s, which enumerates it, so a guest whose CPUID lacks it can still set the bit",
		       f->name, f->name, mname, gates);
	}
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

/* "CR4.VME|CR4.PVI" */
static void cr4_names(char *buf, size_t len, unsigned long bits)
{
	size_t used = 0;
	int bit;

	buf[0] = '\0';
	for (bit = 0; bit < 64 && used < len; bit++) {
		const struct cr4_fact *f = fact_of_bit(bit);

		if (!(bits & (1UL << bit)))
			continue;
		if (f)
			used += snprintf(buf + used, len - used, "%sCR4.%s",
					 used ? "|" : "", f->name);
		else
			used += snprintf(buf + used, len - used, "%sCR4[%d]",
					 used ? "|" : "", bit);
	}
}

static void judge_tuple(const struct cpuid_read *r, unsigned long bits,
			long number, location_t at)
{
	char cr4[128];

	const char *name = model_feature_name(number);
	struct cpuid_place fp, rp;
	char fplace[64], rplace[64], freg[64], other[96] = "", gates[256];
	char fix[80];
	struct finding_record rec = {
		.check = CHECK, .feature = name, .place = fplace,
	};
	int bit, word;

	if (!name || !model_place_of(model_translate(number), &fp))
		return;
	format_place(fplace, sizeof(fplace), &fp);
	cr4_names(cr4, sizeof(cr4), bits);
	rp.function = r->function;
	rp.index = r->index;
	rp.reg = r->reg;
	rp.bit = fp.bit;
	if (fp.function != rp.function || fp.reg != rp.reg ||
	    (r->index_known && fp.index != rp.index)) {
		const char *o;

		format_place(rplace, sizeof(rplace), &rp);
		word = r->index_known ? model_word_of_place(&rp) : -1;
		o = word >= 0 ? model_feature_at(word, rp.bit) : NULL;
		if (o)
			snprintf(other, sizeof(other), ", which is %s", o);
		fp.bit = -1;
		format_place(freg, sizeof(freg), &fp);
		snprintf(fix, sizeof(fix), "read %s", freg);
		rec.subject = name;
		rec.expected = freg;
		rec.fix = fix;
		report(at, &rec,
		       "cr4_fixed1 tuple for %s: %s is %s, but the tuple tests %s%s",
		       cr4, name, fplace, rplace, other);
	}
	for (bit = 0; bit < 64; bit++) {
		const struct cr4_fact *f;
		char subject[32];

		if (!(bits & (1UL << bit)))
			continue;
		f = fact_of_bit(bit);
		if (!f)
			continue;
		snprintf(subject, sizeof(subject), "CR4.%s", f->name);
		record_gate(subject, name, "fixed1", at);
		rec.subject = subject;
		if (f->nr_gates && !enumerates(f, number)) {
			describe_gates(gates, sizeof(gates), f);
			rec.expected = gates;
			rec.fix = NULL;
			report(at, &rec,
			       "cr4_fixed1 tuple sets CR4.%s when the guest has %s, which does not enumerate it; CR4.%s is enumerated by %s",
			       f->name, name, f->name, gates);
		}
		if (rb.have_allowed && !(rb.allowed & (1UL << bit))) {
			rec.expected = NULL;
			rec.fix = "drop the tuple or allow the bit";
			report(at, &rec,
			       "cr4_fixed1 tuple advertises CR4.%s to L1 as settable in VMX operation, but CR4_RESERVED_BITS never allows CR4.%s, so KVM rejects it",
			       f->name, f->name);
		}
	}
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
	struct finding_record r = { .check = CHECK };
	int g, i;

	if (!fixed1.nr_tuples || !rb.looked)
		return;
	for (g = 0; g < rb.nr_gates; g++)
		for (i = 0; i < facts.nr_cr4; i++) {
			const struct cr4_fact *f = &facts.cr4[i];
			char subject[32];

			if (!(rb.gate[g].bits & (1UL << f->bit)) ||
			    (fixed1.bits_seen & (1UL << f->bit)))
				continue;
			snprintf(subject, sizeof(subject), "CR4.%s", f->name);
			r.subject = subject;
			r.feature = rb.gate[g].feature[0];
			report(DECL_SOURCE_LOCATION(fndecl), &r,
			       "%s() never sets CR4.%s in cr4_fixed1, but %s() lets a guest with %s set it; L2 can't use CR4.%s",
			       decl_name(fndecl), f->name,
			       (const char *)NODE_NAME(rb.macro),
			       rb.gate[g].feature[0], f->name);
		}
}

struct cpuidcheck_check check_cr4 = {
	.name		= CHECK,
	.begin_function	= cr4_begin_function,
	.on_call	= cr4_on_call,
	.on_mask	= on_mask,
	.end_function	= cr4_end_function,
	.on_define	= cr4_on_define,
};
