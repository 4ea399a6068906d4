// SPDX-License-Identifier: GPL-2.0
/*
 * Where a finding points, and how it is printed.
 *
 * GCC's location for code inside macros is the token's spelling (somewhere
 * in reverse_cpuid.h) or the outermost expansion (the kvm_cpu_cap_init()
 * line).  A person wrote neither: they wrote F(AVX2).  user_location()
 * walks the macro-expansion history to the innermost macro that was
 * invoked from real source text, the wrapper the person typed.
 *
 * Findings are printed in GCC's format but never through GCC's warning
 * machinery, so -Werror (CONFIG_WERROR=y) does not turn them into build
 * failures; -fplugin-arg-cpuidcheck_plugin-error asks for real errors.
 */
#include "cpuidcheck.h"

bool findings_are_errors;

/* Macros that hold a feature list; the person's wrapper is inside them. */
static const char *const list_macros[] = {
	"kvm_cpu_cap_init", "kvm_cpu_cap_init_kvm_defined", "kvm_cpu_cap_mask",
};

static bool is_list_macro(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(list_macros); i++)
		if (!strcmp(name, list_macros[i]))
			return true;
	return false;
}

static bool virtual_loc(location_t loc)
{
	return loc > BUILTINS_LOCATION &&
	       linemap_location_from_macro_expansion_p(line_table, loc);
}

/*
 * Depth-first over the expansion history: first where the token came from
 * (its spelling, possibly inside another macro), then where this macro was
 * invoked.  The first macro invoked from real text wins.
 */
static const line_map_macro *find_wrapper(location_t loc, int depth)
{
	const line_map_macro *map, *found;
	location_t spelling, expansion;

	if (!virtual_loc(loc) || depth > 32)
		return NULL;
	map = linemap_check_macro(linemap_lookup(line_table, loc));
	spelling = linemap_macro_map_loc_unwind_toward_spelling(line_table,
								map, loc);
	found = find_wrapper(spelling, depth + 1);
	if (found)
		return found;
	expansion = MACRO_MAP_EXPANSION_POINT_LOCATION(map);
	if (!virtual_loc(expansion) &&
	    !is_list_macro(linemap_map_get_macro_name(map)))
		return map;
	return find_wrapper(expansion, depth + 1);
}

struct user_loc user_location(location_t loc)
{
	struct user_loc u = { loc, NULL };
	const line_map_macro *map = find_wrapper(loc, 0);

	if (map) {
		u.loc = MACRO_MAP_EXPANSION_POINT_LOCATION(map);
		u.wrapper = linemap_map_get_macro_name(map);
	} else if (virtual_loc(loc)) {
		u.loc = expansion_point(loc);
	}
	return u;
}

/* The outermost expansion point: the line a macro call was written on. */
location_t expansion_point(location_t loc)
{
	return linemap_resolve_location(line_table, loc,
					LRK_MACRO_EXPANSION_POINT, NULL);
}

/* ---- printing, once per place and message ---- */

struct printed {
	char *text;
	struct printed *next;
};

static struct printed *printed;
static int nr_reported;

static bool seen(const char *text)
{
	struct printed *p;

	for (p = printed; p; p = p->next)
		if (!strcmp(p->text, text))
			return true;
	p = XNEW(struct printed);
	p->text = xstrdup(text);
	p->next = printed;
	printed = p;
	return false;
}

void report(const char *check, location_t loc, const char *fmt, ...)
{
	expanded_location x = expand_location(loc);
	char msg[1024], key[1280];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(key, sizeof(key), "%s:%d:%d:%s", x.file ? x.file : "",
		 x.line, x.column, msg);
	if (seen(key))
		return;
	nr_reported++;
	if (findings_are_errors) {
		error_at(loc, "%s [%s]", msg, check);
		return;
	}
	fprintf(stderr, "%s:%d:%d: warning: %s [%s]\n",
		x.file ? x.file : "<unknown>", x.line, compat_column(x), msg,
		check);
}

int report_count(void)
{
	return nr_reported;
}
