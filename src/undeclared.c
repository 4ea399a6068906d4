// SPDX-License-Identifier: GPL-2.0
/*
 * cpuid-undeclared, the check across units: on the 6.14+ API, a feature
 * KVM sets through its capabilities but declares in no kvm_cpu_cap_init()
 * list (the capability map of all units' records).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cpuidcheck.h"


/*
 * APIs that make KVM support a feature: they add it to KVM's capabilities
 * or to a vCPU's.  Not the clears, which take away what may never have
 * been there, nor raw cpuid_entry_*() on an entry, which may be the
 * host's CPUID.  A query is no support: a feature KVM never supports is
 * one a vCPU never has (kvm_vcpu_after_set_cpuid(): "a vCPU has a feature
 * if it's supported by KVM and is enabled in guest CPUID"), and KVM asks
 * on purpose (nested SVM clears L1's SKINIT and RDPRU intercepts so).
 */
static bool enabling_api(const char *api)
{
	return !starts_with(api, "cpuid_entry_") && !strstr(api, "clear");
}

static const char *short_name(const char *feature)
{
	const char *s = strstr(feature, "FEATURE_");

	return s ? s + 8 : feature;
}

/* Does @fn enable @g (an enabling API call in that function)? */
static bool enabled_in(const struct feat *g, const char *fn)
{
	int j;

	for (j = 0; j < g->set.n; j++)
		if (enabling_api(g->set.v[j].api) &&
		    !strcmp(g->set.v[j].where, fn))
			return true;
	return false;
}

/*
 * How to declare @ft, which @fn enables: the tree's own convention, the
 * wrapper of the declared features of the same word that @fn enables too
 * (VENDOR_F for those svm_set_cpu_caps() sets), when they agree; and the
 * entry to put it after, the declared feature of the word with the
 * nearest lower bit (the lists are in bit order).
 */
static char *declare_fix(const struct capmap *cm, const struct feat *ft,
			 const char *fn)
{
	const char *wrapper = NULL;
	const struct feat *after = NULL;
	bool agree = true;
	char *pos, *fix;
	int i;

	for (i = 0; ft->word && i < cm->n; i++) {
		const struct feat *g = &cm->v[i];

		if (g == ft || !g->decl.n || !g->word ||
		    strcmp(g->word, ft->word))
			continue;
		if (ft->placed && g->placed && g->bit < ft->bit &&
		    (!after || g->bit > after->bit))
			after = g;
		if (!enabled_in(g, fn))
			continue;
		if (wrapper && strcmp(wrapper, g->decl.v[0].api))
			agree = false;
		wrapper = g->decl.v[0].api;
	}
	if (!wrapper || !agree || !strcmp(wrapper, "-"))
		return xasprintf("declare it in the kvm_cpu_cap_init(%s, ...) list with the wrapper that says how KVM supports it (e.g. VENDOR_F if a vendor module sets it, RUNTIME_F if KVM changes it at run time)",
				 ft->word ? ft->word : "?");
	pos = after ? xasprintf(", after %s(%s) at %s:%d",
				after->decl.v[0].api, short_name(after->name),
				after->decl.v[0].file, after->decl.v[0].line) :
		      xstrdup("");
	fix = xasprintf("declare it %s(%s) in the kvm_cpu_cap_init(%s, ...) list%s, as %s()'s other features of that word are",
			wrapper, short_name(ft->name), ft->word, pos, fn);
	free(pos);
	return fix;
}

/* GCC's column of @name on @file:@line (tabs to 8), or 1. */
static int column_of(const char *ksrc, const char *ovdir, const char *file,
		     int line, const char *name)
{
	char *t = tree_text(ksrc, ovdir, file), *p = t;
	const char *short_name = strstr(name, "FEATURE_");
	int col = 1, l;

	for (l = 1; p && l < line; l++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (p && short_name) {
		char *eol = strchr(p, '\n'), *hit;

		short_name += 8;
		if (eol)
			*eol = '\0';
		hit = strstr(p, short_name);
		while (hit && hit > p && (isalnum((unsigned char)hit[-1]) ||
					  (hit[-1] == '_' &&
					   !(hit - p >= 8 &&
					     starts_with(hit - 8, "FEATURE_")) &&
					   !(hit - p >= 2 &&
					     starts_with(hit - 2, "F(")))))
			hit = strstr(hit + 1, short_name);
		if (hit) {
			char *q;

			/* back to the whole macro name if spelled out */
			while (hit > p && (isalnum((unsigned char)hit[-1]) ||
					   hit[-1] == '_'))
				hit--;
			for (q = p, col = 1; q < hit; q++)
				col = *q == '\t' ? ((col - 1) / 8 + 1) * 8 + 1 :
				      col + 1;
		}
	}
	free(t);
	return col;
}

static void undeclared_of(struct capmap *cm, const char *ksrc,
			  const char *ovdir, struct findings *out)
{
	int i, j;

	if (!cm->init_era)
		return;
	for (i = 0; i < cm->n; i++) {
		struct feat *ft = &cm->v[i];

		if (ft->decl.n)
			continue;
		for (j = 0; j < ft->set.n; j++) {
			const struct site *s = &ft->set.v[j];
			struct finding f = { 0 };

			if (!enabling_api(s->api))
				continue;
			f.file = xstrdup(s->file);
			f.line = s->line;
			f.column = column_of(ksrc, ovdir, f.file, f.line,
					     ft->name);
			f.check = xstrdup("cpuid-undeclared");
			f.subject = xstrdup(ft->name);
			f.feature = xstrdup(ft->name);
			f.place = ft->place ? xstrdup(ft->place) : NULL;
			f.fix = declare_fix(cm, ft, s->where);
			f.message = xasprintf("%s(%s) in %s(): %s%s%s is set by KVM but declared in no kvm_cpu_cap_init() list, the place that names every feature KVM supports (VENDOR_F and RUNTIME_F, which add no bit, exist for features set elsewhere); %s",
					      s->api, ft->name, s->where,
					      ft->name, ft->place ? ", " : "",
					      ft->place ? ft->place : "",
					      f.fix);
			findings_add(out, &f);
		}
	}
}

void undeclared_check(const char *records, const char *ksrc,
		      const char *ovdir, struct findings *fs)
{
	struct model m = { 0 };
	struct capmap cm = { 0 };

	model_from_records(&m, records);
	build_map(&cm, &m, records);
	undeclared_of(&cm, ksrc, ovdir, fs);
}
