// SPDX-License-Identifier: GPL-2.0
/*
 * libcpuidjudge.so's strings-in, strings-out ABI (cpuidjudge.h): records
 * parsed, the model learned from the checked file's headers (headers.c),
 * the judge asked, its findings written as record lines.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cpuidjudge.h"
#include "headers.h"
#include "judge.h"

#define MAX_FIELDS 16

/* the only symbols the library exports (-fvisibility=hidden) */
#define CPUIDJUDGE_API __attribute__((visibility("default")))

static char error_text[512];
static bool have_facts;

/* the answer of the last call */
static char *answer;
static size_t answer_len, answer_size;

static void fail(const char *fmt, ...) __printf(1, 2);
static void fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(error_text, sizeof(error_text), fmt, ap);
	va_end(ap);
}

CPUIDJUDGE_API const char *cpuidjudge_error(void)
{
	return error_text;
}

static void put(const char *s)
{
	size_t n = strlen(s);

	if (answer_len + n + 1 > answer_size) {
		answer_size = 2 * answer_size + n + 4096;
		answer = (char *)realloc(answer, answer_size);
		if (!answer) {
			fprintf(stderr, "cpuidjudge: out of memory\n");
			abort();
		}
	}
	memcpy(answer + answer_len, s, n + 1);
	answer_len += n;
}

CPUIDJUDGE_API int cpuidjudge_facts(const char *path)
{
	FILE *f = fopen(path, "r");
	char *text;
	long len;
	int bad;

	have_facts = false;
	if (!f) {
		fail("cannot read facts file %s", path);
		return -1;
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	text = (char *)malloc(len + 1);
	if (!text) {
		fclose(f);
		fail("out of memory");
		return -1;
	}
	len = fread(text, 1, len, f);
	text[len] = '\0';
	fclose(f);
	bad = facts_parse(text);
	free(text);
	if (bad) {
		fail("%s:%d: malformed facts record", path, bad);
		return -1;
	}
	have_facts = true;
	return 0;
}

/* ---- one record ---- */

struct record {
	char *f[MAX_FIELDS];
	int n;
	const char *file;
	int line, column;
};

static int split(char *line, char **f)
{
	int n = 0;

	for (;;) {
		char *tab = strchr(line, '\t');

		if (n == MAX_FIELDS)
			return -1;
		f[n++] = line;
		if (!tab)
			return n;
		*tab = '\0';
		line = tab + 1;
	}
}

static const char *opt(const char *field)
{
	return strcmp(field, "-") ? field : NULL;
}

/* The feature's number as written: #NUMBER or an expression. */
static bool feature_number(struct header_model *h, const char *text,
			   long *number)
{
	char *end;

	if (text[0] == '#') {
		*number = strtol(text + 1, &end, 0);
		return text[1] && !*end;
	}
	return headers_eval(h, text, number) && *number >= 0;
}

/* F, SF, ALIASED_1_EDX_F: the macro a person wrote, if any */
static const char *wrapper_of(const char *field)
{
	return strcmp(field, "-") && strcmp(field, "__feature_bit") ? field :
								       NULL;
}

static void put_finding(const struct record *r, struct judge_finding *out)
{
	static const char *const actions[] = {
		NULL, "move", "remove", "rewrite"
	};
	char where[48], *line;
	int len;

	out->rec.file = r->file;
	out->rec.line = r->line;
	out->rec.column = r->column;
	len = finding_record_format(NULL, 0, &out->rec);
	line = (char *)malloc(len + 1);
	if (!line)
		abort();
	finding_record_format(line, len + 1, &out->rec);
	put(line);
	put("\n");
	free(line);
	if (out->action == ACTION_NONE)
		return;
	snprintf(where, sizeof(where), "action\t%d\t%d\t%s\t", r->line,
		 r->column, actions[out->action]);
	put(where);
	put(out->action_arg[0] ? out->action_arg : "-");
	put("\n");
}

/* ---- declare: the capability lists ---- */

struct declared {
	struct record r;
	long number;
	int list;			/* index into lists */
};

static bool judge_declares(const char *check, struct header_model *h,
			   struct declared *d, int nr)
{
	const struct cpuid_model *m = headers_cpuid_model(h);
	struct judge_list *list = (struct judge_list *)calloc(nr + 1,
							       sizeof(*list));
	long *declares = (long *)calloc(nr + 1, sizeof(long));
	struct judge_lists lists = { list, 0 };
	int i, k, n = 0;

	if (!list || !declares) {
		free(list);
		free(declares);
		fail("out of memory");
		return false;
	}
	/* the lists, in order of their lines, and what each declares */
	for (i = 0; i < nr; i++) {
		int listline = atoi(d[i].r.f[8]);
		long leaf;

		for (k = 0; k < lists.nr; k++)
			if (list[k].line == listline &&
			    !strcmp(list[k].api, d[i].r.f[4]))
				break;
		d[i].list = k;
		if (k < lists.nr)
			continue;
		if (!headers_eval(h, d[i].r.f[1], &leaf) || leaf < 0 ||
		    leaf >= MAX_WORDS)
			leaf = -1;
		list[k].leaf = leaf;
		list[k].api = d[i].r.f[4];
		list[k].line = listline;
		lists.nr++;
	}
	for (k = 0; k < lists.nr; k++) {
		list[k].declares = declares + n;
		for (i = 0; i < nr; i++)
			if (d[i].list == k && d[i].number >= 0)
				declares[n++] = cpuid_model_translate(m,
							d[i].number);
		list[k].nr_declares = declares + n - list[k].declares;
	}
	for (i = 0; i < nr; i++) {
		struct judge_finding found;
		struct judge_use use;
		const struct judge_list *l = &list[d[i].list];

		use.number = d[i].number;
		use.wrapper = wrapper_of(d[i].r.f[3]);
		use.local = opt(d[i].r.f[9]);
		if (d[i].number < 0 || l->leaf < 0)
			continue;
		if ((!strcmp(check, "cpuid-leaf") &&
		     judge_leaf_use(m, &lists, l, &use, &found)) ||
		    (!strcmp(check, "cpuid-alias") &&
		     judge_alias_advertised(m, &lists, l, &use, &found)))
			put_finding(&d[i].r, &found);
	}
	free(list);
	free(declares);
	return true;
}

/* ---- rawmask ---- */

/*
 * What FUNCTION, INDEX, REG say is read: false if the function or register
 * is unknown.  No sub-leaf given: known (0) for a function that takes none.
 */
static bool read_of(struct header_model *h, const char *fn, const char *idx,
		    const char *reg, struct judge_read *read)
{
	long v;

	memset(read, 0, sizeof(*read));
	read->reg = arch_reg_named(reg);
	if (read->reg < 0 || !opt(fn) || !headers_eval(h, fn, &v))
		return false;
	read->function_known = true;
	read->function = v;
	read->index_known = !facts_function_indexed(read->function);
	if (!opt(idx))
		return true;
	read->index_known = true;
	read->index = 0;
	if (!headers_eval(h, idx, &v))
		return false;
	read->index = v;
	return true;
}

static void judge_rawmask(const char *check, struct header_model *h,
			  const struct record *r)
{
	const struct cpuid_model *m = headers_cpuid_model(h);
	struct judge_finding found;
	struct judge_read read;
	long number;

	if (!feature_number(h, r->f[1], &number) ||
	    !read_of(h, r->f[3], r->f[4], r->f[5], &read))
		return;
	if ((!strcmp(check, "cpuid-leaf") &&
	     judge_leaf_mask(m, &read, number, wrapper_of(r->f[2]), &found)) ||
	    (!strcmp(check, "cpuid-alias") &&
	     judge_alias_mask(m, &read, number, wrapper_of(r->f[2]), &found)))
		put_finding(r, &found);
}

/* rawconst MASK FUNCTION INDEX REG FILE LINE COLUMN: each alias bit */
static void judge_rawconst(const char *check, struct header_model *h,
			   const struct record *r)
{
	struct judge_finding found;
	struct judge_read read;
	long mask;
	int bit;

	if (strcmp(check, "cpuid-alias") || !headers_eval(h, r->f[1], &mask) ||
	    !read_of(h, r->f[2], r->f[3], r->f[4], &read))
		return;
	for (bit = 0; bit < 32; bit++)
		if (judge_alias_mask_bit(headers_cpuid_model(h), &read,
					 (unsigned long)mask & 0xffffffffUL, bit,
					 &found))
			put_finding(r, &found);
}

/* ---- query ---- */

static void judge_query(const char *check, struct header_model *h,
			const struct record *r)
{
	struct judge_finding found;
	long number;

	if (!strcmp(check, "cpuid-alias") &&
	    feature_number(h, r->f[1], &number) &&
	    judge_alias_query(headers_cpuid_model(h), r->f[2], number, &found))
		put_finding(r, &found);
}

/* ---- cpuid-cr4 ---- */

#define MAX_FINDINGS 128

static struct judge_finding *findings(void)
{
	static struct judge_finding *found;

	if (!found)
		found = (struct judge_finding *)malloc(MAX_FINDINGS *
						       sizeof(*found));
	if (!found)
		abort();
	return found;
}

/* CR4.@name's mask, if data/cpuid-facts knows it */
static unsigned long cr4_bits(const char *name)
{
	int i;

	if (!strncmp(name, "X86_CR4_", 8))
		name += 8;
	for (i = 0; i < facts.nr_cr4; i++)
		if (!strcmp(facts.cr4[i].name, name))
			return 1UL << facts.cr4[i].bit;
	return 0;
}

/* fixed1 CR4BIT FEATURE WRAPPER FUNCTION INDEX REG FILE LINE COLUMN */
static void judge_fixed1(struct header_model *h, const struct record *r)
{
	struct judge_finding *found = findings();
	unsigned long bits = cr4_bits(r->f[1]);
	struct judge_read read;
	long number;
	int i, n;

	/* a lookup Coccinelle cannot see: the register only (judge/cr4.c) */
	if (!read_of(h, r->f[4], r->f[5], r->f[6], &read) &&
	    (read.reg < 0 || read.function_known))
		return;
	if (!bits || !feature_number(h, r->f[2], &number))
		return;
	n = judge_cr4_tuple(headers_cpuid_model(h), &read, bits, number,
			    found, MAX_FINDINGS);
	for (i = 0; i < n; i++)
		put_finding(r, &found[i]);
}

/* reserved-bits FILE: the macro's findings at its #define or a gate */
static void judge_reserved(struct header_model *h, const struct record *r)
{
	const struct cr4_macro_text *c = headers_cr4_macro(h, r->f[1]);
	struct judge_finding *found = findings();
	struct record at = *r;
	int i, n;

	if (!c)
		return;
	n = judge_cr4_reserved_bits(headers_cpuid_model(h),
				    headers_cr4_gates(c), found, MAX_FINDINGS);
	for (i = 0; i < n; i++) {
		at.line = found[i].at < 0 ? headers_cr4_def_line(c) :
			  headers_cr4_gate_line(c, found[i].at);
		at.column = 0;
		put_finding(&at, &found[i]);
	}
}

/* ---- the entry point ---- */

/* the fields of each kind, and where FILE LINE COLUMN are */
static const struct {
	const char *kind;
	int fields, file;
} kinds[] = {
	{ "declare", 10, 5 },
	{ "rawmask", 9, 6 },
	{ "rawconst", 8, 5 },
	{ "query", 7, 4 },
	{ "fixed1", 10, 7 },
	{ "reserved-bits", 2, -1 },
};

static bool parse_record(char *line, struct record *r, int lineno)
{
	size_t k;

	memset(r, 0, sizeof(*r));
	r->n = split(line, r->f);
	for (k = 0; r->n > 0 && k < ARRAY_SIZE(kinds); k++) {
		if (strcmp(r->f[0], kinds[k].kind))
			continue;
		if (r->n != kinds[k].fields)
			break;
		if (kinds[k].file >= 0) {
			r->file = r->f[kinds[k].file];
			r->line = atoi(r->f[kinds[k].file + 1]);
			r->column = atoi(r->f[kinds[k].file + 2]);
		} else {
			r->file = r->f[1];
		}
		return true;
	}
	fail("record %d: not a record: %s", lineno, r->n > 0 ? r->f[0] : "");
	return false;
}

static bool known_check(const char *check)
{
	return !strcmp(check, "cpuid-leaf") || !strcmp(check, "cpuid-alias") ||
	       !strcmp(check, "cpuid-cr4");
}

CPUIDJUDGE_API const char *cpuidjudge_judge(const char *check, const char *file,
			     const char *records)
{
	struct header_model *h;
	struct declared *d = NULL;
	char *copy, *line, *next;
	int nr = 0, lineno = 0;
	bool ok = true;

	answer_len = 0;
	put("");
	if (!have_facts) {
		fail("no facts: call cpuidjudge_facts() first");
		return NULL;
	}
	if (!known_check(check)) {
		fail("unknown check %s", check);
		return NULL;
	}
	h = headers_model_of(file);
	copy = strdup(records);
	if (!copy) {
		fail("out of memory");
		return NULL;
	}
	for (line = copy; ok && line && *line; line = next) {
		struct record r;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		if (!*line)
			continue;
		ok = parse_record(line, &r, lineno);
		if (!ok)
			break;
		if (!strcmp(r.f[0], "declare")) {
			d = (struct declared *)realloc(d, (nr + 1) * sizeof(*d));
			if (!d)
				abort();
			d[nr].r = r;
			if (!feature_number(h, r.f[2], &d[nr].number))
				d[nr].number = -1;
			nr++;
		} else if (!strcmp(r.f[0], "rawmask")) {
			judge_rawmask(check, h, &r);
		} else if (!strcmp(r.f[0], "rawconst")) {
			judge_rawconst(check, h, &r);
		} else if (!strcmp(r.f[0], "query")) {
			judge_query(check, h, &r);
		} else if (!strcmp(check, "cpuid-cr4") &&
			   !strcmp(r.f[0], "fixed1")) {
			judge_fixed1(h, &r);
		} else if (!strcmp(check, "cpuid-cr4")) {
			judge_reserved(h, &r);
		}
	}
	if (ok && nr)
		ok = judge_declares(check, h, d, nr);
	free(d);
	free(copy);
	return ok ? answer : NULL;
}

CPUIDJUDGE_API int cpuidjudge_eval(const char *file, const char *expr, long *value)
{
	return headers_eval(headers_model_of(file), expr, value);
}

CPUIDJUDGE_API const char *cpuidjudge_feature(const char *file, const char *name)
{
	struct header_model *h = headers_model_of(file);
	const struct cpuid_model *m = headers_cpuid_model(h);
	struct cpuid_place p;
	char line[256], place[PLACE_LEN] = "-";
	long number, kvm;

	if (!cpuid_model_feature_number(m, name, &number))
		return NULL;
	kvm = cpuid_model_translate(m, number);
	if (cpuid_model_place_of(m, kvm, &p))
		format_place(place, sizeof(place), &p);
	snprintf(line, sizeof(line), "%ld\t%ld\t%s\t%ld\t%s", number, kvm,
		 kvm / 32 < MAX_WORDS && m->word[kvm / 32].name ?
		 m->word[kvm / 32].name : "-", kvm % 32, place);
	answer_len = 0;
	put(line);
	return answer;
}
