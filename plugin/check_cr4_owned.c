// SPDX-License-Identifier: GPL-2.0
/*
 * cpuid-cr4-owned: a CR4 bit the guest may own must stop being guest-owned
 * when the guest's CPUID makes it reserved.
 *
 * VMX lets the guest write the CR4 bits in cr4_guest_owned_bits without a
 * VM exit (the CR4 guest/host mask).  KVM's reserved-bits check
 * (__cr4_reserved_bits(), cpuid-cr4) runs only on writes that exit, so a
 * bit that is reserved for this guest (its CPUID lacks the feature) but
 * guest-owned can be set anyway.  The 2020 fix "KVM: x86: Intercept LA57 to
 * inject #GP fault when it's reserved" is this class; KVM then masked the
 * possible bits with the guest's reserved bits:
 *
 *	vcpu->arch.cr4_guest_owned_bits = KVM_POSSIBLE_CR4_GUEST_BITS &
 *					  ~vcpu->arch.cr4_guest_rsvd_bits;
 *
 * Learned from the unit: the possible bits (KVM_POSSIBLE_CR4_GUEST_BITS, or
 * the older KVM_CR4_GUEST_OWNED_BITS), the assignment of a subset of them
 * to a field named cr4_guest_owned_bits, and the bits the reserved-bits
 * macro gates on a CPUID feature.  A gated bit is dropped when reserved if
 * the assignment masks with a "~...cr4_guest_rsvd_bits" field, or if the
 * function later clears it ("owned &= ~X86_CR4_B") under a condition that
 * queries the guest's CPUID.  Other bits of the possible set (PCE, and the
 * legacy bits KVM never makes reserved) are not judged here.
 */
#include "cpuidcheck.h"

#define CHECK "cpuid-cr4-owned"

static const char *const possible_macros[] = {
	"KVM_POSSIBLE_CR4_GUEST_BITS", "KVM_CR4_GUEST_OWNED_BITS",
};

static bool is_field(tree t, const char *name)
{
	t = strip_conversions(t);
	return t && TREE_CODE(t) == COMPONENT_REF &&
	       !strcmp(decl_name(TREE_OPERAND(t, 1)), name);
}

struct owned_scan {
	unsigned long possible;
	bool rsvd_mask;			/* "& ~...cr4_guest_rsvd_bits" */
	unsigned long owned;		/* the constant assigned */
	unsigned long dropped;		/* cleared under a CPUID query */
	bool in_query_cond;
	location_t loc;
	tree assignment;
};

static tree find_rsvd_mask(tree *tp, int *walk_subtrees, void *data)
{
	struct owned_scan *s = (struct owned_scan *)data;

	if (TREE_CODE(*tp) == BIT_NOT_EXPR) {
		tree op = TREE_OPERAND(*tp, 0);

		while (op && (CONVERT_EXPR_P(op) ||
			      TREE_CODE(op) == NON_LVALUE_EXPR))
			op = TREE_OPERAND(op, 0);
		if (is_field(op, "cr4_guest_rsvd_bits"))
			s->rsvd_mask = true;
	}
	return NULL_TREE;
}

/* The bits of an integer constant, whatever its sign and width. */
static bool mask_value(tree t, unsigned long *bits)
{
	t = strip_conversions(t);
	if (!t || TREE_CODE(t) != INTEGER_CST)
		return false;
	*bits = (unsigned long)TREE_INT_CST_LOW(t);
	return true;
}

/*
 * The owned bits an assignment's value names: a constant that is a
 * non-empty subset of the possible bits, alone or ANDed with other terms.
 */
static bool owned_const(tree t, unsigned long possible, unsigned long *owned)
{
	unsigned long v;

	t = strip_conversions(t);
	if (!t)
		return false;
	if (TREE_CODE(t) == BIT_AND_EXPR)
		return owned_const(TREE_OPERAND(t, 0), possible, owned) ||
		       owned_const(TREE_OPERAND(t, 1), possible, owned);
	if (!mask_value(t, &v) || !v || (v & ~possible))
		return false;
	*owned = v;
	return true;
}

static bool queries_guest(tree cond);

static tree find_query(tree *tp, int *walk_subtrees, void *data)
{
	return TREE_CODE(*tp) == CALL_EXPR &&
	       is_query_api(callee_name(*tp)) ? *tp : NULL_TREE;
}

static bool queries_guest(tree cond)
{
	return cond && walk_tree_without_duplicates(&cond, find_query, NULL);
}

static tree scan_function(tree *tp, int *walk_subtrees, void *data)
{
	struct owned_scan *s = (struct owned_scan *)data;
	tree t = *tp, rhs;
	unsigned long v;

	if (TREE_CODE(t) == COND_EXPR && queries_guest(TREE_OPERAND(t, 0))) {
		bool outer = s->in_query_cond;

		s->in_query_cond = true;
		walk_tree_without_duplicates(&TREE_OPERAND(t, 1),
					     scan_function, s);
		if (TREE_OPERAND(t, 2))
			walk_tree_without_duplicates(&TREE_OPERAND(t, 2),
						     scan_function, s);
		s->in_query_cond = outer;
		*walk_subtrees = 0;
		return NULL_TREE;
	}
	if (TREE_CODE(t) != MODIFY_EXPR ||
	    !is_field(TREE_OPERAND(t, 0), "cr4_guest_owned_bits"))
		return NULL_TREE;
	rhs = strip_conversions(TREE_OPERAND(t, 1));
	if (!s->assignment) {
		if (!owned_const(rhs, s->possible, &s->owned))
			return NULL_TREE;
		s->assignment = t;
		s->loc = EXPR_LOCATION(t);
		walk_tree_without_duplicates(&rhs, find_rsvd_mask, s);
		return NULL_TREE;
	}
	/* owned &= ~X86_CR4_B under a guest CPUID query */
	if (s->in_query_cond && rhs && TREE_CODE(rhs) == BIT_AND_EXPR &&
	    mask_value(TREE_OPERAND(rhs, 1), &v))
		s->dropped |= ~v;
	if (rhs)
		walk_tree_without_duplicates(&rhs, find_rsvd_mask, s);
	return NULL_TREE;
}

static void owned_begin_function(tree fndecl)
{
	struct owned_scan s;
	unsigned long gated, left;
	const char *macro, *pmacro = NULL;
	tree body = DECL_SAVED_TREE(fndecl);
	size_t i;
	long v;
	int bit;

	if (!body)
		return;
	memset(&s, 0, sizeof(s));
	for (i = 0; i < ARRAY_SIZE(possible_macros) && !pmacro; i++)
		if (model_eval_macro(possible_macros[i], &v) && v) {
			s.possible = v;
			pmacro = possible_macros[i];
		}
	if (!pmacro)
		return;
	walk_tree_without_duplicates(&body, scan_function, &s);
	if (!s.assignment || s.rsvd_mask ||
	    !cr4_gated_bits(&gated, &macro))
		return;
	left = s.owned & gated & ~s.dropped;
	for (bit = 0; bit < 64; bit++) {
		const struct cr4_fact *f = fact_of_bit(bit);
		const char *feature = cr4_gate_feature(bit);
		struct cpuid_place p;
		char subject[32], fplace[64] = "", place[80] = "", fix[160];
		struct finding_record r = {
			.check = CHECK, .subject = subject, .feature = feature,
			.place = fplace, .fix = fix,
		};
		long number;

		if (!(left & (1UL << bit)) || !f || !feature)
			continue;
		if (model_eval_macro(feature, &number) &&
		    model_place_of(model_translate(number), &p)) {
			format_place(fplace, sizeof(fplace), &p);
			snprintf(place, sizeof(place), " (%s)", fplace);
		}
		snprintf(subject, sizeof(subject), "CR4.%s", f->name);
		snprintf(fix, sizeof(fix),
			 "drop reserved bits from guest ownership: %s & ~vcpu->arch.cr4_guest_rsvd_bits",
			 pmacro);
		report(user_location(s.loc).loc, &r,
		       "CR4.%s: cr4_guest_owned_bits lets the guest own CR4.%s (%s), but %s() makes it reserved when the guest lacks %s%s, and a guest-owned bit is written without a VM exit, so the #GP for setting a reserved bit is never injected",
		       f->name, f->name, pmacro, macro, feature, place);
	}
}

struct cpuidcheck_check check_cr4_owned = {
	.name		= CHECK,
	.begin_function	= owned_begin_function,
};
