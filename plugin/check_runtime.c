// SPDX-License-Identifier: GPL-2.0
/*
 * cpuid-runtime: a feature KVM updates at run time must not be queried
 * through a cached capability (6.14's guest_cpu_cap_has() BUILD_BUG_ON,
 * applied to every era, and its counterpart for KVM's own capabilities).
 *
 * KVM rewrites some bits of the guest's CPUID when the state they mirror
 * changes (kvm_update_cpuid_runtime(): OSXSAVE with CR4.OSXSAVE, OSPKE with
 * CR4.PKE, APIC with the APIC base MSR, MWAIT with MISC_ENABLE).  The rules,
 * learned from the newest tree (data/cpuid-facts "runtime" records):
 *   - "stale" features: the vCPU's cached capabilities are brought up to
 *     date only at the next CPUID emulation, so a query of the cache may
 *     answer for the old CR4/MSR value;
 *   - "never" features: KVM's own capabilities (kvm_cpu_caps) never have
 *     them, so asking KVM whether it supports one is always false.
 * Which API reads which cache is learned from the API's body: one that
 * reads a field named cpu_caps or governed_features (vcpu->arch) is the
 * vCPU's cache; one that reads kvm_cpu_caps is KVM's.  An API that reads
 * the guest's CPUID entries (6.1-6.12's guest_cpuid_has()) is live and
 * fine.
 */
#include "cpuidcheck.h"

#define CHECK "cpuid-runtime"

enum cache { CACHE_NONE, CACHE_VCPU, CACHE_KVM };

struct cache_walk {
	enum cache found;
	int depth;
};

static enum cache cache_of(tree fndecl, int depth);

static tree find_cache(tree *tp, int *walk_subtrees, void *data)
{
	struct cache_walk *w = (struct cache_walk *)data;
	tree t = *tp, fn;
	enum cache c;

	if (TREE_CODE(t) == COMPONENT_REF &&
	    (!strcmp(decl_name(TREE_OPERAND(t, 1)), "cpu_caps") ||
	     !strcmp(decl_name(TREE_OPERAND(t, 1)), "governed_features"))) {
		w->found = CACHE_VCPU;
		return t;
	}
	if (TREE_CODE(t) == VAR_DECL && !strcmp(decl_name(t), "kvm_cpu_caps"))
		w->found = CACHE_KVM;
	if (TREE_CODE(t) == CALL_EXPR) {
		fn = get_callee_fndecl(t);
		c = fn ? cache_of(fn, w->depth + 1) : CACHE_NONE;
		if (c == CACHE_VCPU) {
			w->found = c;
			return t;
		}
		if (c == CACHE_KVM)
			w->found = c;
	}
	return NULL_TREE;
}

/* The cache an API's body reads, through at most three calls. */
static enum cache cache_of(tree fndecl, int depth)
{
	struct cache_walk w = { CACHE_NONE, depth };
	tree body = DECL_SAVED_TREE(fndecl);

	if (!body || depth > 3)
		return CACHE_NONE;
	walk_tree_without_duplicates(&body, find_cache, &w);
	return w.found;
}

static void runtime_on_call(struct cpuid_walk *w, tree call)
{
	const char *api = callee_name(call), *name, *short_name;
	const struct runtime_fact *r;
	struct cpuid_place p;
	char place[64], fix[128];
	struct finding_record f = {
		.check = CHECK, .place = place, .fix = fix,
	};
	long number;
	tree fn;

	if (!is_query_api(api) ||
	    !constant_value(feature_argument(call), &number))
		return;
	name = model_feature_name(number);
	if (!name)
		return;
	short_name = feature_short_name(name);
	r = facts_runtime(short_name);
	fn = get_callee_fndecl(call);
	if (!r || !fn || !model_place_of(model_translate(number), &p))
		return;
	format_place(place, sizeof(place), &p);
	f.subject = f.feature = name;
	f.expected = r->mirrors;
	switch (cache_of(fn, 0)) {
	case CACHE_VCPU:
		if (!r->cache_stale)
			return;
		snprintf(fix, sizeof(fix), "test %s itself instead",
			 r->mirrors);
		report(user_location(EXPR_LOCATION(call)).loc, &f,
		       "%s(%s): %s (%s) is updated by KVM at run time to mirror %s, but %s() reads the vCPU's cached capabilities, which catch up only at the next CPUID emulation, so the answer may be for the old %s",
		       api, name, short_name, place, r->mirrors, api,
		       r->mirrors);
		break;
	case CACHE_KVM:
		if (r->advertised)
			return;
		snprintf(fix, sizeof(fix),
			 "ask about the guest (its %s), or about the feature it depends on",
			 r->mirrors);
		report(user_location(EXPR_LOCATION(call)).loc, &f,
		       "%s(%s): %s (%s) mirrors the guest's %s at run time and KVM's own capabilities never have it, so %s() is always false here",
		       api, name, short_name, place, r->mirrors, api);
		break;
	default:
		break;
	}
}

struct cpuidcheck_check check_runtime = {
	.name		= CHECK,
	.on_call	= runtime_on_call,
};
