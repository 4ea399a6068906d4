// SPDX-License-Identifier: GPL-2.0
/*
 * cpuid-cr4: every CR4 bit KVM lets a guest set must be gated by the CPUID
 * feature that enumerates it (data/cpuid-facts, Intel SDM Vol. 3A 2.5).
 *
 * Two places encode the gates:
 *   - the reserved-bits macro, __cr4_reserved_bits(__cpu_has, __c) in every
 *     release: "if (!has(c, X86_FEATURE_F)) bits |= X86_CR4_B;" gates;
 *   - nested VMX's CR4 fixed1 bits: "if (entry->REG & F) ... cr4_fixed1
 *     |= X86_CR4_B" tuples after entry = kvm_find_cpuid_entry().
 * Findings: a bit CR4_RESERVED_BITS allows with no gate, a gate with a
 * feature that does not enumerate the bit, a fixed1 tuple reading the wrong
 * function/index/register or naming the wrong feature, a fixed1 bit that
 * CR4_RESERVED_BITS never allows, a gated bit missing from fixed1.
 */
#include <stdio.h>

#include "judge.h"

#define CHECK "cpuid-cr4"

/* Does feature @number (as written) enumerate CR4 bit @f? */
static bool enumerates(const struct cpuid_model *m, const struct cr4_fact *f,
		       long number)
{
	struct cpuid_place p;
	int k;

	if (!cpuid_model_place_of(m, cpuid_model_translate(m, number), &p))
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
		char place[PLACE_LEN];

		format_place(place, sizeof(place), &f->gate[k].place);
		used += snprintf(buf + used, len - used, "%sX86_FEATURE_%s (%s)",
				 k ? " or " : "", f->gate[k].feature, place);
	}
}

/* Where feature @number lives, into @buf ("" if unknown). */
static const char *place_of(const struct cpuid_model *m, long number,
			    char *buf)
{
	struct cpuid_place p;

	buf[0] = '\0';
	if (cpuid_model_place_of(m, cpuid_model_translate(m, number), &p))
		format_place(buf, PLACE_LEN, &p);
	return buf;
}

static bool allowed(const struct cpuid_model *m, int bit)
{
	return m->have_cr4_allowed && (m->cr4_allowed & (1UL << bit));
}

static bool never_allowed(const struct cpuid_model *m, int bit)
{
	return m->have_cr4_allowed && !(m->cr4_allowed & (1UL << bit));
}

/* ---- the reserved-bits macro ---- */

/* The macro's findings, in the order of data/cpuid-facts; at: gate or -1. */
int judge_cr4_reserved_bits(const struct cpuid_model *m,
			    const struct judge_cr4_macro *rb,
			    struct judge_finding *out, int max)
{
	char gates[256], fix[512], place[PLACE_LEN], subject[32], feature[64];
	int i, g, k, n = 0;

	for (i = 0; i < facts.nr_cr4 && n < max; i++) {
		const struct cr4_fact *f = &facts.cr4[i];
		unsigned long bit = 1UL << f->bit;
		bool gated = false;

		snprintf(subject, sizeof(subject), "CR4.%s", f->name);
		describe_gates(gates, sizeof(gates), f);
		for (g = 0; g < rb->nr_gates; g++) {
			const struct judge_cr4_gate *gate = &rb->gate[g];

			if (!(gate->bits & bit))
				continue;
			gated = true;
			for (k = 0; k < gate->nr_features && n < max; k++) {
				if (!f->nr_gates || !gate->known[k] ||
				    enumerates(m, f, gate->number[k]))
					continue;
				judge_word(&out[n], CHECK, subject,
					   gate->feature[k],
					   place_of(m, gate->number[k], place),
					   "CR4.%s is gated on %s, which does not enumerate it; CR4.%s is enumerated by %s",
					   f->name, gate->feature[k], f->name,
					   gates);
				judge_fix(&out[n], "check that instead");
				judge_expect(&out[n], ACTION_NONE, NULL, "%s",
					     gates);
				out[n++].at = g;
			}
		}
		if (gated || !f->nr_gates || !allowed(m, f->bit) || n == max)
			continue;
		if (f->nr_gates == 1)
			snprintf(fix, sizeof(fix),
				 "if (!%s(%s, X86_FEATURE_%s)) %s |= X86_CR4_%s;",
				 rb->cpu_has, rb->caps, f->gate[0].feature,
				 rb->var ? rb->var : "bits", f->name);
		else
			snprintf(fix, sizeof(fix),
				 "a check of %s that sets X86_CR4_%s when none is present",
				 gates, f->name);
		format_place(place, sizeof(place), &f->gate[0].place);
		snprintf(feature, sizeof(feature), "X86_FEATURE_%s",
			 f->gate[0].feature);
		judge_word(&out[n], CHECK, subject, feature, place,
			   "CR4.%s: CR4_RESERVED_BITS lets a guest set CR4.%s, but %s() never checks %s, which enumerates it, so a guest whose CPUID lacks it can still set the bit",
			   f->name, f->name, rb->name, gates);
		judge_fix(&out[n], "add %s", fix);
		judge_expect(&out[n], ACTION_NONE, NULL, "%s", gates);
		out[n++].at = -1;
	}
	return n;
}

/* ---- nested VMX CR4 fixed1 tuples ---- */

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

/* A tuple setting CR4 @bits when @r & feature @number: its findings. */
int judge_cr4_tuple(const struct cpuid_model *m, const struct judge_read *r,
		    unsigned long bits, long number,
		    struct judge_finding *out, int max)
{
	char fplace[PLACE_LEN], rplace[PLACE_LEN], freg[PLACE_LEN];
	char other[96] = "", gates[256], cr4[128], subject[32];
	struct cpuid_place fp, rp;
	const char *name = cpuid_model_feature(m, number, &fp);
	int bit, word, n = 0;

	if (!name)
		return 0;
	cr4_names(cr4, sizeof(cr4), bits);
	/*
	 * An engine that cannot see the lookup (Coccinelle: the macro reads
	 * "entry") knows the register only: the feature's own function and
	 * index are assumed, so only a wrong register is found.
	 */
	rp.function = r->function_known ? r->function : fp.function;
	rp.index = r->function_known ? r->index : fp.index;
	rp.reg = r->reg;
	rp.bit = fp.bit;
	format_place(fplace, sizeof(fplace), &fp);
	if (fp.function != rp.function || fp.reg != rp.reg ||
	    ((r->index_known || !r->function_known) &&
	     fp.index != rp.index)) {
		const char *o;

		format_place(rplace, sizeof(rplace), &rp);
		word = r->index_known || !r->function_known ?
		       cpuid_model_word_of_place(m, &rp) : -1;
		o = word >= 0 ? cpuid_model_feature_at(m, word, rp.bit) : NULL;
		if (o)
			snprintf(other, sizeof(other), ", which is %s", o);
		fp.bit = -1;
		format_place(freg, sizeof(freg), &fp);
		judge_word(&out[n], CHECK, name, name, fplace,
			   "cr4_fixed1 tuple for %s: %s is %s, but the tuple tests %s%s",
			   cr4, name, fplace, rplace, other);
		judge_fix(&out[n], "read %s", freg);
		judge_expect(&out[n++], ACTION_NONE, NULL, "%s", freg);
	}
	for (bit = 0; bit < 64 && n + 2 <= max; bit++) {
		const struct cr4_fact *f;

		if (!(bits & (1UL << bit)))
			continue;
		f = fact_of_bit(bit);
		if (!f)
			continue;
		snprintf(subject, sizeof(subject), "CR4.%s", f->name);
		if (f->nr_gates && !enumerates(m, f, number)) {
			describe_gates(gates, sizeof(gates), f);
			judge_word(&out[n], CHECK, subject, name, fplace,
				   "cr4_fixed1 tuple sets CR4.%s when the guest has %s, which does not enumerate it; CR4.%s is enumerated by %s",
				   f->name, name, f->name, gates);
			judge_expect(&out[n++], ACTION_NONE, NULL, "%s",
				     gates);
		}
		if (never_allowed(m, bit)) {
			judge_word(&out[n], CHECK, subject, name, fplace,
				   "cr4_fixed1 tuple advertises CR4.%s to L1 as settable in VMX operation, but CR4_RESERVED_BITS never allows CR4.%s, so KVM rejects it",
				   f->name, f->name);
			judge_fix(&out[n], "drop the tuple or allow the bit");
			n++;
		}
	}
	return n;
}

/* A bit the reserved-bits macro gates that @fn's tuples never set. */
int judge_cr4_fixed1_missing(const struct judge_cr4_macro *rb,
			     const char *fn, unsigned long bits_seen,
			     struct judge_finding *out, int max)
{
	char subject[32];
	int g, i, n = 0;

	for (g = 0; g < rb->nr_gates; g++)
		for (i = 0; i < facts.nr_cr4 && n < max; i++) {
			const struct cr4_fact *f = &facts.cr4[i];

			if (!(rb->gate[g].bits & (1UL << f->bit)) ||
			    (bits_seen & (1UL << f->bit)))
				continue;
			snprintf(subject, sizeof(subject), "CR4.%s", f->name);
			judge_word(&out[n], CHECK, subject,
				   rb->gate[g].feature[0], NULL,
				   "%s() never sets CR4.%s in cr4_fixed1, but %s() lets a guest with %s set it; L2 can't use CR4.%s",
				   fn, f->name, rb->name,
				   rb->gate[g].feature[0], f->name);
			n++;
		}
	return n;
}
