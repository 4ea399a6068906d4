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
	expansion = compat_expansion_point(map);
	if (!virtual_loc(expansion) &&
	    !name_in(linemap_map_get_macro_name(map), list_macros,
		     ARRAY_SIZE(list_macros)))
		return map;
	return find_wrapper(expansion, depth + 1);
}

static bool macro_in_history(location_t loc, const char *name, int depth)
{
	const line_map_macro *map;

	if (!virtual_loc(loc) || depth > 32)
		return false;
	map = linemap_check_macro(linemap_lookup(line_table, loc));
	if (!strcmp(linemap_map_get_macro_name(map), name))
		return true;
	return macro_in_history(linemap_macro_map_loc_unwind_toward_spelling(
					line_table, map, loc), name, depth + 1) ||
	       macro_in_history(compat_expansion_point(map), name,
				depth + 1);
}

/* Was the code at @loc produced by an expansion of macro @name? */
bool loc_in_macro(location_t loc, const char *name)
{
	return macro_in_history(loc, name, 0);
}

struct user_loc user_location(location_t loc)
{
	struct user_loc u = { loc, NULL };
	const line_map_macro *map = find_wrapper(loc, 0);

	if (map) {
		u.loc = compat_expansion_point(map);
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

/* ---- acknowledged findings: -fplugin-arg-cpuidcheck_plugin-suppress ---- */

struct suppression {
	char check[32];
	char subject[64];
	struct suppression *next;
};

static struct suppression *suppressions;
static const char *suppress_file;
static int nr_suppressed;

/*
 * One acknowledgement a line: "CHECK SUBJECT [why...]", e.g.
 *   cpuid-cr4 CR4.VME  KVM's selftests treat it as always allowed
 * '#' starts a comment.  SUBJECT is what a finding is about: a CR4 bit
 * (CR4.NAME) or a feature (X86_FEATURE_NAME); '*' matches any.
 */
bool load_suppressions(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[512];
	int lineno = 0;

	if (!f) {
		error("cpuidcheck: cannot read suppression file %qs: %m", path);
		return false;
	}
	suppress_file = xstrdup(path);
	while (fgets(line, sizeof(line), f)) {
		struct suppression *s;
		char check[32], subject[64];
		char *hash = strchr(line, '#');

		lineno++;
		if (hash)
			*hash = '\0';
		if (sscanf(line, "%31s %63s", check, subject) != 2) {
			if (sscanf(line, "%31s", check) == 1) {
				error("cpuidcheck: %s:%d: expected CHECK SUBJECT",
				      path, lineno);
				fclose(f);
				return false;
			}
			continue;
		}
		s = XNEW(struct suppression);
		snprintf(s->check, sizeof(s->check), "%s", check);
		snprintf(s->subject, sizeof(s->subject), "%s", subject);
		s->next = suppressions;
		suppressions = s;
	}
	fclose(f);
	return true;
}

static bool suppressed(const char *check, const char *subject)
{
	struct suppression *s;

	for (s = suppressions; s; s = s->next)
		if (!strcmp(s->check, check) &&
		    (!strcmp(s->subject, "*") ||
		     (subject && !strcmp(s->subject, subject))))
			return true;
	return false;
}

/* The one-line count of acknowledged findings, never silently dropped. */
void report_summary(void)
{
	if (nr_suppressed)
		fprintf(stderr,
			"cpuidcheck: note: %d finding%s suppressed by %s\n",
			nr_suppressed, nr_suppressed == 1 ? "" : "s",
			suppress_file);
}

/*
 * The one way out for a finding: @what's check, subject, feature, place,
 * expected, fix and message; the place in the file is @loc's.  Printed (if
 * not acknowledged) and recorded, once per place and message.
 */
void report_record(location_t loc, const struct finding_record *what)
{
	expanded_location x = expand_location(loc);
	struct finding_record r = *what;
	char key[2048], *line;
	int len;

	snprintf(key, sizeof(key), "%s:%d:%d:%s", x.file ? x.file : "",
		 x.line, x.column, r.message);
	if (seen(key))
		return;
	r.file = x.file ? x.file : "?";
	r.line = x.line;
	/* a directive's location has no column: it starts the line */
	r.column = x.column ? compat_column(x) : 1;
	r.state = suppressed(r.check, r.subject) ? "suppressed" : "reported";
	len = finding_record_format(NULL, 0, &r);
	line = XNEWVEC(char, len + 1);
	finding_record_format(line, len + 1, &r);
	record_line("%s", line);
	free(line);
	record_feature(r.feature);
	if (strcmp(r.state, "reported")) {
		nr_suppressed++;
		return;
	}
	if (findings_are_errors) {
		error_at(loc, "%s [%s]", r.message, r.check);
		return;
	}
	fprintf(stderr, "%s:%d:%d: warning: %s [%s]\n",
		x.file ? x.file : "<unknown>", r.line, r.column, r.message,
		r.check);
}

/*
 * A finding whose message is @fmt's sentence, then "; " and the fix (if
 * @what has one): the fix is written once, and the message ends with it.
 */
void report(location_t loc, const struct finding_record *what,
	    const char *fmt, ...)
{
	struct finding_record r = *what;
	char msg[1536];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (r.fix && len >= 0 && (size_t)len < sizeof(msg))
		snprintf(msg + len, sizeof(msg) - len, "; %s", r.fix);
	r.message = msg;
	report_record(loc, &r);
}
