// SPDX-License-Identifier: GPL-2.0
/*
 * Findings: parsed from the plugin's GCC-style lines, merged across units,
 * and printed as text, JSON, SARIF 2.1.0 or checkpatch's format.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cpuidcheck.h"

#define TOOL_URI "https://github.com/cpuidcheck/cpuidcheck"
#ifndef VERSION
#define VERSION "0.1"
#endif

const char *output_root;	/* the tree, for SARIF and source lines */

static bool ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* X86_FEATURE_x or KVM_X86_FEATURE_x, first in @msg */
static char *find_feature(const char *msg)
{
	const char *p = strstr(msg, "X86_FEATURE_"), *s, *e;

	if (!p)
		return NULL;
	s = p;
	while (s > msg && ident_char(s[-1]))
		s--;
	for (e = p; ident_char(*e); e++)
		;
	return strndup(s, e - s);
}

static char *place_at(const char *p)
{
	const char *e = strchr(p, ']');

	if (!e || memchr(p, ' ', e - p))
		return NULL;
	return strndup(p, e + 1 - p);
}

/* The feature's CPUID place: "FEATURE is CPUID...[b]", else the first. */
static char *find_place(const char *msg, const char *feature)
{
	static const char *const after_feature[] = {
		"%s is CPUID", "%s (CPUID",
	};
	const char *p;
	char *pat, *r = NULL;
	size_t i;

	for (i = 0; feature && i < ARRAY_SIZE(after_feature); i++) {
		pat = xasprintf(after_feature[i], feature);
		p = strstr(msg, pat);
		if (p)
			r = place_at(p + strlen(pat) - 5);
		free(pat);
		if (r)
			return r;
	}
	for (p = strstr(msg, "CPUID."); p; p = strstr(p + 1, "CPUID.")) {
		r = place_at(p);
		if (r)
			return r;
	}
	return NULL;
}

/* FILE:LINE:COL: warning|error: MESSAGE [cpuid-CHECK] */
bool parse_finding_line(const char *line, struct finding *f)
{
	const char *p = line, *msg, *tag;
	char *end, *file;
	size_t len = strlen(line);
	long ln, col;

	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		len--;
	if (!len || line[len - 1] != ']')
		return false;
	tag = line + len - 1;
	while (tag > line && *tag != '[')
		tag--;
	if (!starts_with(tag, "[cpuid-") || tag == line || tag[-1] != ' ')
		return false;
	p = strchr(line, ':');
	if (!p || p == line)
		return false;
	file = strndup(line, p - line);
	ln = strtol(p + 1, &end, 10);
	if (end == p + 1 || *end != ':')
		goto bad;
	col = strtol(end + 1, &end, 10);
	if (*end != ':')
		goto bad;
	msg = end + 1;
	if (starts_with(msg, " warning: "))
		msg += 10;
	else if (starts_with(msg, " error: "))
		msg += 8;
	else
		goto bad;
	if (msg >= tag)
		goto bad;
	memset(f, 0, sizeof(*f));
	f->file = file;
	f->line = ln;
	f->column = col;
	f->check = strndup(tag + 1, line + len - 1 - (tag + 1));
	f->message = strndup(msg, tag - 1 - msg);
	f->feature = find_feature(f->message);
	f->place = find_place(f->message, f->feature);
	p = NULL;
	for (msg = strstr(f->message, "; "); msg; msg = strstr(msg + 1, "; "))
		p = msg;
	f->fix = p ? xstrdup(p + 2) : NULL;
	return true;
bad:
	free(file);
	return false;
}

void finding_free(struct finding *f)
{
	free(f->file);
	free(f->check);
	free(f->message);
	free(f->feature);
	free(f->place);
	free(f->fix);
	free(f->source_line);
}

void findings_add(struct findings *fs, struct finding *f)
{
	if (fs->n == fs->size) {
		fs->size = fs->size * 2 + 16;
		fs->v = xrealloc(fs->v, fs->size * sizeof(*fs->v));
	}
	fs->v[fs->n++] = *f;
}

static int cmp_finding(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	int r = strcmp(x->file, y->file);

	if (r)
		return r;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	r = strcmp(x->check, y->check);
	return r ? r : strcmp(x->message, y->message);
}

void findings_sort_unique(struct findings *fs)
{
	int i, j = 0;

	/* no findings: fs->v is NULL, which qsort() may not be given */
	if (fs->n > 1)
		qsort(fs->v, fs->n, sizeof(*fs->v), cmp_finding);
	for (i = 0; i < fs->n; i++) {
		if (j && !cmp_finding(&fs->v[j - 1], &fs->v[i])) {
			finding_free(&fs->v[i]);
			continue;
		}
		fs->v[j++] = fs->v[i];
	}
	fs->n = j;
}

int parse_format(const char *s)
{
	static const char *const names[] = {
		[FMT_TEXT] = "text", [FMT_JSON] = "json",
		[FMT_SARIF] = "sarif", [FMT_CHECKPATCH] = "checkpatch",
		[FMT_TERSE] = "terse",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(s, names[i]))
			return i;
	return -1;
}

void json_str(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c == '\t')
			fputs("\\t", out);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

/* cpuid-leaf -> CPUID_LEAF */
static char *checkpatch_type(const char *check)
{
	char *t = xstrdup(check), *p;

	for (p = t; *p; p++)
		*p = *p == '-' ? '_' : toupper((unsigned char)*p);
	return t;
}

static const struct {
	const char *id, *text;
} rules[] = {
	{ "cpuid-leaf",
	  "A feature is used for a CPUID word it does not belong to" },
	{ "cpuid-alias",
	  "An aliased CPUID bit is queried or advertised without its original" },
	{ "cpuid-cr4",
	  "A CR4 bit and the CPUID feature that enumerates it disagree" },
	{ "cpuid-undeclared",
	  "A feature KVM sets or queries is in no capability init list" },
};

/* Line @n of @file under the tree, without its newline (NULL if none). */
static char *source_line(const char *file, int n)
{
	char *path = output_root && file[0] != '/' ?
		xasprintf("%s/%s", output_root, file) : xstrdup(file);
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	int i;

	free(path);
	if (!f)
		return NULL;
	for (i = 1; getline(&line, &cap, f) >= 0; i++) {
		if (i == n) {
			line[strcspn(line, "\n")] = '\0';
			fclose(f);
			return line;
		}
	}
	free(line);
	fclose(f);
	return NULL;
}

static int count_lines(const char *file)
{
	char *path = output_root && file[0] != '/' ?
		xasprintf("%s/%s", output_root, file) : xstrdup(file);
	char *t = read_file(path, NULL), *p;
	int n = 0;

	for (p = t; p && *p; p++)
		n += *p == '\n';
	free(t);
	free(path);
	return n;
}

static void print_json(FILE *out, const struct findings *fs)
{
	int i;

	fprintf(out, "{\n  \"schema\": \"cpuidcheck-findings/1\",\n");
	fprintf(out, "  \"tree\": ");
	json_str(out, output_root);
	fprintf(out, ",\n  \"findings\": [");
	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];

		fprintf(out, "%s\n    {\"check\": ", i ? "," : "");
		json_str(out, f->check);
		fprintf(out, ", \"file\": ");
		json_str(out, f->file);
		fprintf(out, ", \"line\": %d, \"column\": %d,\n     \"feature\": ",
			f->line, f->column);
		json_str(out, f->feature);
		fprintf(out, ", \"cpuid_place\": ");
		json_str(out, f->place);
		fprintf(out, ",\n     \"message\": ");
		json_str(out, f->message);
		fprintf(out, ",\n     \"fix\": ");
		json_str(out, f->fix);
		fprintf(out, "}");
	}
	fprintf(out, "%s],\n  \"summary\": {\"findings\": %d, \"suppressed\": %d}\n}\n",
		fs->n ? "\n  " : "", fs->n, fs->suppressed);
}

static void print_sarif(FILE *out, const struct findings *fs)
{
	size_t r;
	int i;

	fprintf(out, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n");
	fprintf(out, "  \"version\": \"2.1.0\",\n  \"runs\": [{\n");
	fprintf(out, "    \"tool\": {\"driver\": {\"name\": \"cpuidcheck\", \"version\": \"%s\",\n",
		VERSION);
	fprintf(out, "      \"informationUri\": \"%s\",\n      \"rules\": [",
		TOOL_URI);
	for (r = 0; r < ARRAY_SIZE(rules); r++) {
		fprintf(out, "%s\n        {\"id\": \"%s\", \"shortDescription\": {\"text\": ",
			r ? "," : "", rules[r].id);
		json_str(out, rules[r].text);
		fprintf(out, "}}");
	}
	fprintf(out, "]}},\n");
	if (output_root) {
		char *uri = xasprintf("file://%s/", output_root);

		fprintf(out, "    \"originalUriBaseIds\": {\"SRCROOT\": {\"uri\": ");
		json_str(out, uri);
		fprintf(out, "}},\n");
		free(uri);
	}
	fprintf(out, "    \"results\": [");
	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];

		for (r = 0; r < ARRAY_SIZE(rules); r++)
			if (!strcmp(rules[r].id, f->check))
				break;
		fprintf(out, "%s\n      {\"ruleId\": ", i ? "," : "");
		json_str(out, f->check);
		if (r < ARRAY_SIZE(rules))
			fprintf(out, ", \"ruleIndex\": %zu", r);
		fprintf(out, ", \"level\": \"warning\",\n       \"message\": {\"text\": ");
		json_str(out, f->message);
		fprintf(out, "},\n       \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ");
		json_str(out, f->file);
		if (output_root)
			fprintf(out, ", \"uriBaseId\": \"SRCROOT\"");
		fprintf(out, "}, \"region\": {\"startLine\": %d", f->line);
		if (f->column > 0)
			fprintf(out, ", \"startColumn\": %d", f->column);
		fprintf(out, "}}}],\n       \"properties\": {\"feature\": ");
		json_str(out, f->feature);
		fprintf(out, ", \"cpuid_place\": ");
		json_str(out, f->place);
		fprintf(out, ", \"fix\": ");
		json_str(out, f->fix);
		fprintf(out, "}}");
	}
	fprintf(out, "%s]\n  }]\n}\n", fs->n ? "\n    " : "");
}

static void print_checkpatch(FILE *out, const struct findings *fs,
			     const char *what, int lines_checked)
{
	int i;

	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];
		char *type = checkpatch_type(f->check);
		char *src = f->source_line ? xstrdup(f->source_line) :
			    source_line(f->file, f->line);
		int n = f->patch_line ? f->patch_line : f->line;

		fprintf(out, "WARNING:%s: %s\n", type, f->message);
		fprintf(out, "#%d: FILE: %s:%d:\n", n, f->file, f->line);
		if (src)
			fprintf(out, "+%s\n", src);
		fputc('\n', out);
		free(type);
		free(src);
	}
	for (i = 0; !lines_checked && i < fs->n; i++) {
		int k;

		for (k = 0; k < i && strcmp(fs->v[k].file, fs->v[i].file); k++)
			;
		if (k == i)
			lines_checked += count_lines(fs->v[i].file);
	}
	fprintf(out, "total: 0 errors, %d warnings, %d lines checked\n",
		fs->n, lines_checked);
	if (fs->n)
		fprintf(out, "\n%s has CPUID problems, please review.\n",
			what ? what : "The tree");
	else if (what)
		fprintf(out, "\n%s has no obvious CPUID problems.\n", what);
}

void print_summary(FILE *out, const struct findings *fs)
{
	static const char *const checks[] = {
		"cpuid-leaf", "cpuid-alias", "cpuid-cr4", "cpuid-undeclared",
	};
	size_t c;
	int i, n, sep = 0;

	fprintf(out, "cpuidcheck: %d finding%s", fs->n, fs->n == 1 ? "" : "s");
	for (c = 0; c < ARRAY_SIZE(checks); c++) {
		for (i = n = 0; i < fs->n; i++)
			n += !strcmp(fs->v[i].check, checks[c]);
		if (n)
			fprintf(out, "%s%s: %d", sep++ ? ", " : " (", checks[c], n);
	}
	fprintf(out, "%s, %d suppressed\n", sep ? ")" : "", fs->suppressed);
}

void print_findings(FILE *out, const struct findings *fs, enum format fmt,
		    const char *what, int lines_checked)
{
	int i;

	switch (fmt) {
	case FMT_TEXT:
		for (i = 0; i < fs->n; i++)
			fprintf(out, "%s:%d:%d: warning: %s [%s]\n",
				fs->v[i].file, fs->v[i].line, fs->v[i].column,
				fs->v[i].message, fs->v[i].check);
		print_summary(out, fs);
		break;
	case FMT_JSON:
		print_json(out, fs);
		break;
	case FMT_SARIF:
		print_sarif(out, fs);
		break;
	case FMT_CHECKPATCH:
		print_checkpatch(out, fs, what, lines_checked);
		break;
	case FMT_TERSE:
		/*
		 * checkpatch's --terse --no-summary -q: one line a finding,
		 * nothing when clean, so that b4 prep --check (every output
		 * line is a warning) and scripts read it.
		 */
		for (i = 0; i < fs->n; i++) {
			char *type = checkpatch_type(fs->v[i].check);

			fprintf(out, "%s:%d: WARNING:%s: %s\n", fs->v[i].file,
				fs->v[i].line, type, fs->v[i].message);
			free(type);
		}
		break;
	default:
		break;
	}
}

/* "check\tfile\tmessage", line numbers masked: the same finding moved */
char *finding_key(const struct finding *f)
{
	char *k = xasprintf("%s\t%s\t%s", f->check, f->file, f->message), *p;

	for (p = strstr(k, "line "); p; p = strstr(p + 1, "line ")) {
		char *d = p + 5;

		while (*d >= '0' && *d <= '9')
			*d++ = '#';
	}
	return k;
}
