// SPDX-License-Identifier: GPL-2.0
/*
 * cpuid-undeclared, the check across units: on the 6.14+ API, a feature
 * KVM sets or queries through its capabilities but declares in no
 * kvm_cpu_cap_init() list (the capability map of all units' records).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cpuidcheck.h"


/*
 * APIs that read or change KVM's capabilities or a guest's (not raw
 * cpuid_entry_*() on an entry, which may be the host's CPUID).
 */
static bool cap_api(const char *api)
{
	return !starts_with(api, "cpuid_entry_");
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
	int i, j, k;

	if (!cm->init_era)
		return;
	for (i = 0; i < cm->n; i++) {
		struct feat *ft = &cm->v[i];

		if (ft->decl.n)
			continue;
		for (k = 0; k < 2; k++) {
			struct sites *s = k ? &ft->query : &ft->set;

			for (j = 0; j < s->n; j++) {
				struct finding f = { 0 };

				if (!cap_api(s->v[j].api))
					continue;
				f.file = xstrdup(s->v[j].file);
				f.line = s->v[j].line;
				f.column = column_of(ksrc, ovdir, f.file,
						     f.line, ft->name);
				f.check = xstrdup("cpuid-undeclared");
				f.subject = xstrdup(ft->name);
				f.feature = xstrdup(ft->name);
				f.place = ft->place ? xstrdup(ft->place) : NULL;
				f.fix = xasprintf("declare it (e.g. RUNTIME_F, EMULATED_F or VENDOR_F) in the list for word %s",
						  ft->word ? ft->word : "?");
				f.message = xasprintf("%s(%s) in %s(): %s%s%s is %s by KVM but declared in no kvm_cpu_cap_init() list, so KVM's capability for it is never initialised; %s",
						      s->v[j].api, ft->name,
						      s->v[j].where, ft->name,
						      ft->place ? ", " : "",
						      ft->place ? ft->place : "",
						      k ? "queried" : "set",
						      f.fix);
				findings_add(out, &f);
			}
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
