// SPDX-License-Identifier: GPL-2.0
/*
 * Per-unit facts for checks that need the whole of KVM (the shape of
 * smatch's database, far smaller): with -fplugin-arg-cpuidcheck_plugin-
 * record=DIR each unit writes DIR/<unit>.rec, one tab-separated record a
 * line, and the cpuidcheck program merges them (the capability map, the
 * cross-unit cpuid-undeclared check).
 *
 *   unit     SOURCE
 *   declare  WORD FEATURE WRAPPER API FILE LINE   a capability-list entry
 *   set      FEATURE API FUNCTION FILE LINE        kvm_cpu_cap_set() & co.
 *   query    FEATURE API FUNCTION FILE LINE        guest_cpu_cap_has() & co.
 *   gate     CR4.NAME FEATURE KIND FILE LINE       KIND: reserved-bits|fixed1
 *   word     WORD FUNCTION INDEX REG PLACE         a word the unit places
 *                                                  (reverse_cpuid[]); REG
 *                                                  0-3 for EAX-EDX, PLACE
 *                                                  its register as findings
 *                                                  write it, CPUID.1:EDX
 *   feature  FEATURE FILED-AS WORD BIT             a feature named above:
 *                                                  the name it is filed
 *                                                  under (X86_FEATURE_x
 *                                                  for the KVM_X86_FEATURE_x
 *                                                  it translates to), and
 *                                                  the word and bit KVM
 *                                                  uses for it
 *   finding  ...                                   every finding, reported or
 *                                                  suppressed (judge/finding.h)
 *
 * FEATURE is the macro name as written (X86_FEATURE_SGX1), or #NUMBER.
 * The word and feature records are the unit's CPUID model, so the program
 * never learns it a second time from the tree's headers.
 * The file is written to a temporary name and renamed: a reader never sees
 * half a unit, and parallel builds never share a file.
 */
#include "cpuidcheck.h"

static const char *record_dir;
static char *records;
static size_t records_len, records_size;

void record_to(const char *dir)
{
	record_dir = dir;
}

void record_line(const char *fmt, ...)
{
	va_list ap;
	int len;

	if (!record_dir)
		return;
	for (;;) {
		va_start(ap, fmt);
		len = vsnprintf(records + records_len,
				records_size - records_len, fmt, ap);
		va_end(ap);
		if (len >= 0 && records_len + len + 1 < records_size)
			break;
		records_size = records_size * 2 + len + 4096;
		records = XRESIZEVEC(char, records, records_size);
	}
	records_len += len;
	records[records_len++] = '\n';
	records[records_len] = '\0';
}

/* ---- the model the records name ---- */

static long *named;		/* feature numbers, as written */
static int nr_named, named_size;

static void name_feature(long number)
{
	int i;

	for (i = 0; i < nr_named; i++)
		if (named[i] == number)
			return;
	if (nr_named == named_size) {
		named_size = named_size * 2 + 64;
		named = XRESIZEVEC(long, named, named_size);
	}
	named[nr_named++] = number;
}

/* A feature a finding or a gate names by its macro. */
void record_feature(const char *name)
{
	long number;

	if (record_dir && name && model_eval_macro(name, &number))
		name_feature(number);
}

static void record_model(void)
{
	struct cpuid_place p;
	char place[64];
	int w, i, k;

	for (w = 0; w < model.nr_words; w++) {
		if (!model_place_of((long)w * 32, &p))
			continue;
		p.bit = -1;
		format_place(place, sizeof(place), &p);
		record_line("word\t%s\t%#x\t%#x\t%d\t%s", model_word_name(w),
			    p.function, p.index, p.reg, place);
	}
	for (i = 0; i < nr_named; i++) {
		const char *name = model_feature_name(named[i]);
		const char *filed = name;
		long kvm = model_translate(named[i]);

		if (!name || kvm < 0)
			continue;
		/* KVM's own number of a kernel feature: the kernel's name */
		for (k = 0; !strncmp(name, "KVM_", 4) &&
			    k < model.nr_translate; k++)
			if (model.translate_to[k] == named[i] &&
			    model_feature_name(model.translate_from[k]))
				filed = model_feature_name(
					model.translate_from[k]);
		record_line("feature\t%s\t%s\t%s\t%ld", name, filed,
			    model_word_name(kvm / 32), kvm % 32);
	}
}

static void feature_label(char *buf, size_t len, long number)
{
	const char *name = model_feature_name(number);

	if (name)
		snprintf(buf, len, "%s", name);
	else
		snprintf(buf, len, "#%ld", number);
}

static void record_at(const char *kind, const char *a, const char *b,
		      const char *c, location_t loc)
{
	expanded_location x = expand_location(loc);

	record_line("%s\t%s\t%s\t%s\t%s\t%d", kind, a, b, c,
		    x.file ? x.file : "?", x.line);
}

/* ---- the capability lists ---- */

static void record_list(struct cap_lists *scan,
			const struct feature_list *list)
{
	char feature[96];
	int i;

	cap_list_uses(scan, list);
	for (i = 0; i < scan->nr_uses; i++) {
		struct user_loc at = scan->use[i].at;
		expanded_location x = expand_location(at.loc);

		feature_label(feature, sizeof(feature), scan->use[i].number);
		name_feature(scan->use[i].number);
		record_line("declare\t%s\t%s\t%s\t%s\t%s\t%d",
			    model_word_name(list->leaf), feature,
			    at.wrapper ? at.wrapper : "-", list->api,
			    x.file ? x.file : "?", x.line);
	}
}

/* ---- calls that set or query a feature ---- */

void record_call(tree call, tree fndecl)
{
	const char *api = callee_name(call);
	char feature[96];
	long number;

	if (!record_dir || (!is_query_api(api) && !is_set_api(api)) ||
	    !constant_value(feature_argument(call), &number))
		return;
	feature_label(feature, sizeof(feature), number);
	name_feature(number);
	record_at(is_query_api(api) ? "query" : "set", feature, api,
		  decl_name(fndecl), user_location(EXPR_LOCATION(call)).loc);
}

void record_lists(struct cap_lists *scan)
{
	int i;

	if (!record_dir)
		return;
	for (i = 0; i < scan->nr_lists; i++)
		record_list(scan, &scan->list[i]);
}

void record_gate(const char *cr4, const char *feature, const char *kind,
		 location_t loc)
{
	record_feature(feature);
	record_at("gate", cr4, feature, kind, loc);
}

/* ---- the unit's file ---- */

/*
 * DIR/<the unit's path, '/' as '%'>.rec, one name a unit of a build; a
 * path too long for a file name keeps its end, after a hash of the whole.
 */
static char *unit_file(void)
{
	const char *src = main_input_filename;
	unsigned long long h = 14695981039346656037ULL;	/* FNV-1a */
	size_t len = strlen(src);
	char name[200], *p;

	if (len + sizeof(".rec") <= sizeof(name)) {
		snprintf(name, sizeof(name), "%s.rec", src);
	} else {
		for (p = (char *)src; *p; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ULL;
		snprintf(name, sizeof(name), "%016llx-%s.rec", h,
			 src + len - 150);
	}
	for (p = name; *p; p++)
		if (*p == '/')
			*p = '%';
	return concat(record_dir, "/", name, NULL);
}

/*
 * A record that cannot be written is an error: the unit's findings are
 * in it, and a unit whose findings are lost was not checked.
 */
void record_finish_unit(void)
{
	char *path, *tmp;
	FILE *f;
	bool ok;

	/* a unit with nothing to say writes no file */
	if (!record_dir || !records_len)
		return;
	record_model();
	path = unit_file();
	tmp = concat(path, ".tmp", NULL);
	f = fopen(tmp, "w");
	ok = f && fprintf(f, "unit\t%s\n%s", main_input_filename,
			  records) >= 0;
	ok = f && !fclose(f) && ok;
	if (!ok || rename(tmp, path)) {
		error_at(UNKNOWN_LOCATION, "cpuidcheck: cannot write %qs: %m",
			 ok ? path : tmp);
		unlink(tmp);
	}
	free(path);
	free(tmp);
}
