// SPDX-License-Identifier: GPL-2.0
/*
 * Findings printed: text (grouped by place, a check's summary first),
 * JSON (cpuidcheck-findings/2), SARIF 2.1.0, checkpatch's format and its
 * terse one; the summary line.  The tree the findings' files are relative
 * to comes with the format (struct output).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "cpuidcheck.h"

#ifndef VERSION
#define VERSION "0.1"
#endif

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

/* @text as it is, then @value as a JSON string: a member, "key": value */
static void json_after(FILE *out, const char *text, const char *value)
{
	fputs(text, out);
	json_str(out, value);
}

/* cpuid-leaf -> CPUID_LEAF */
static char *checkpatch_type(const char *check)
{
	char *t = xstrdup(check), *p;

	for (p = t; *p; p++)
		*p = *p == '-' ? '_' : toupper((unsigned char)*p);
	return t;
}

/* @file, a path under @tree (NULL: here) unless it is absolute */
static char *tree_path(const char *tree, const char *file)
{
	return tree && file[0] != '/' ? xasprintf("%s/%s", tree, file) :
	       xstrdup(file);
}

/* Line @n of @file under @tree, without its newline (NULL if none). */
static char *source_line(const char *tree, const char *file, int n)
{
	char *path = tree_path(tree, file), *line = file_line(path, n);

	free(path);
	return line;
}

/* The text of @f's line: patch mode keeps it, else the tree's file. */
static char *line_text(const struct finding *f, const char *tree)
{
	return f->source_line ? xstrdup(f->source_line) :
	       source_line(tree, f->file, f->line);
}

static int count_lines(const char *tree, const char *file)
{
	char *path = tree_path(tree, file);
	char *t = read_file(path, NULL), *p;
	int n = 0;

	for (p = t; p && *p; p++)
		n += *p == '\n';
	free(t);
	free(path);
	return n;
}


/*
 * The message's own lead ("F(SMEP)", "CR4.DE", "guest_cpuid_has(X)"):
 * its text before the first ": " when that is short and one phrase; the
 * length of it, or 0.
 */
static size_t lead_len(const char *msg)
{
	const char *p = strstr(msg, ": ");
	size_t n = p ? (size_t)(p - msg) : 0;

	const char *comma = strstr(msg, ", ");

	if (!n || n > 64 || memchr(msg, ';', n) || (comma && comma < p))
		return 0;
	return n;
}

/* findings @i.. at one place by one check: how many */
static int group_len(const struct findings *fs, int i)
{
	const struct finding *a = &fs->v[i];
	int j;

	for (j = i + 1; j < fs->n; j++) {
		const struct finding *b = &fs->v[j];

		if (b->line != a->line || b->column != a->column ||
		    strcmp(b->file, a->file) || strcmp(b->check, a->check))
			break;
	}
	return j - i;
}

static int count_groups(const struct findings *fs)
{
	int i, n = 0;

	for (i = 0; i < fs->n; i += group_len(fs, i))
		n++;
	return n;
}

#define WRAP_COLUMNS	80

/*
 * @text wrapped at spaces to WRAP_COLUMNS: its first word at column @col
 * (where the caller's output stands), further lines indented by @indent.
 */
static void wrap(FILE *out, int col, int indent, const char *text)
{
	const char *p = text;
	bool first = true;

	while (*p) {
		size_t n = strcspn(p, " ");

		if (!first && col + 1 + (int)n > WRAP_COLUMNS) {
			fprintf(out, "\n%*s", indent, "");
			col = indent;
		} else if (!first) {
			fputc(' ', out);
			col++;
		}
		fwrite(p, 1, n, out);
		col += n;
		p += n;
		first = false;
		while (*p == ' ')
			p++;
	}
	fputc('\n', out);
}

/*
 * One finding's detail lines, indented by @indent: its lead (when
 * @with_lead), its clauses, and the fix on a line of its own.
 */
static void print_detail(FILE *out, const struct finding *f, int indent,
			 bool with_lead)
{
	size_t l = lead_len(f->message);
	const char *body = f->message + (l ? l + 2 : 0);
	bool fix_ends = f->fix && ends_with(body, f->fix);
	size_t n = strlen(body) - (fix_ends ? strlen(f->fix) : 0);
	char *what;

	/* the clauses before the fix, without the "; " that ends them */
	while (fix_ends && n && (body[n - 1] == ' ' || body[n - 1] == ';'))
		n--;
	what = strndup(body, n);
	fprintf(out, "%*s", indent, "");
	if (with_lead && l)
		fprintf(out, "%.*s: ", (int)l, f->message);
	wrap(out, indent + (with_lead && l ? l + 2 : 0), indent + 4, what);
	if (f->fix && *what) {
		/* code, not prose: never broken across lines */
		fprintf(out, "%*sfix: %s\n", indent + 4, "", f->fix);
	}
	free(what);
}

/* @s split at spaces: the number of words, *@w the words (one buffer) */
static int words(const char *s, char ***w)
{
	char *t = xstrdup(s), *p, *save = NULL;
	int n = 0;

	*w = NULL;
	for (p = strtok_r(t, " ", &save); p; p = strtok_r(NULL, " ", &save)) {
		*w = xrealloc(*w, (n + 2) * sizeof(**w));
		(*w)[n++] = p;
	}
	if (!n) {
		*w = xmalloc(2 * sizeof(**w));
		(*w)[0] = t;
	}
	return n;
}

/* @w without the punctuation around it: "(CPUID.1:EDX[2])," -> CPUID... */
static char *bare(const char *w)
{
	size_t n = strlen(w);

	while (*w && strchr("(,;:", *w)) {
		w++;
		n--;
	}
	while (n && strchr("),;:", w[n - 1]))
		n--;
	return strndup(w, n);
}

/*
 * A group whose messages are one text with a few words changed (the ten
 * CR4 bits of one macro): the first in full, then for each other one its
 * subject and the words that differ.  False when the messages differ in
 * shape; they are then printed one by one.
 */
static bool print_group_compact(FILE *out, const struct findings *fs, int i,
				int n)
{
	char ***w = xmalloc(n * sizeof(*w));
	int *nw = xmalloc(n * sizeof(*nw)), k, j, m;
	bool same = true;

	for (k = 0; k < n; k++) {
		nw[k] = words(fs->v[i + k].message, &w[k]);
		same = same && nw[k] == nw[0];
	}
	if (same) {
		print_detail(out, &fs->v[i], 4, true);
		fprintf(out, "    the same for:\n");
		for (k = 1; k < n; k++) {
			char *subject = subject_of(&fs->v[i + k]);
			struct sbuf b = { 0 };

			sb_add(&b, "", 0);
			for (j = 0; j < nw[0]; j++) {
				char *x;
				bool seen = false;

				if (!strcmp(w[0][j], w[k][j]))
					continue;
				x = bare(w[k][j]);
				/* each word once, and not the subject again */
				for (m = 0; m < j && !seen; m++)
					if (strcmp(w[0][m], w[k][m])) {
						char *y = bare(w[k][m]);

						seen = !strcmp(x, y);
						free(y);
					}
				if (!seen && (!subject || strcmp(x, subject)))
					sb_printf(&b, " %s", x);
				free(x);
			}
			fprintf(out, "        %s: ", subject ? subject : "?");
			wrap(out, 8 + strlen(subject ? subject : "?") + 2, 12,
			     b.s + (b.len ? 1 : 0));
			free(subject);
			free(b.s);
		}
	}
	for (k = 0; k < n; k++) {
		free(w[k][0]);
		free(w[k]);
	}
	free(w);
	free(nw);
	return same;
}

/*
 * The first line's message: the finding's lead and its check's summary,
 * or for a group the number and the check's summary.
 */
static char *headline(const struct findings *fs, int i, int n)
{
	const struct finding *f = &fs->v[i];
	const struct check_info *c = check_find(f->check);
	const char *sum = c ? c->summary : f->check;
	size_t l = lead_len(f->message);
	char *subject = subject_of(f), *r;

	if (n > 1)
		r = xasprintf("%d findings: %s", n, sum);
	else if (l)
		r = xasprintf("%.*s: %s", (int)l, f->message, sum);
	else if (subject)
		r = xasprintf("%s: %s", subject, sum);
	else
		r = xstrdup(sum);
	if (subject)
		l = 1;
	free(subject);
	/* GCC's style: a message starts in lower case */
	if (n == 1 && !l && isupper((unsigned char)r[0]) &&
	    !isupper((unsigned char)r[1]))
		r[0] = tolower((unsigned char)r[0]);
	else if (n > 1 || l) {
		char *s = strstr(r, ": ") + 2;

		if (isupper((unsigned char)s[0]) && !isupper((unsigned char)s[1]))
			s[0] = tolower((unsigned char)s[0]);
	}
	return r;
}

/* A group's details: compact when it can be, else each finding. */
static void print_group_detail(FILE *out, const struct findings *fs, int i,
			       int n)
{
	int k;

	if (n > 1 && print_group_compact(out, fs, i, n))
		return;
	for (k = i; k < i + n; k++)
		print_detail(out, &fs->v[k], 4, n > 1);
}

static void print_text(FILE *out, const struct findings *fs)
{
	int i, n;

	for (i = 0; i < fs->n; i += n) {
		const struct finding *f = &fs->v[i];
		char *h;

		n = group_len(fs, i);
		h = headline(fs, i, n);
		fprintf(out, "%s:%d:%d: warning: %s [%s]\n", f->file, f->line,
			f->column, h, f->check);
		print_group_detail(out, fs, i, n);
		free(h);
	}
	print_summary(out, fs);
}

static void print_json(FILE *out, const struct findings *fs,
		       const char *tree)
{
	int i, k, n;

	fprintf(out, "{\n  \"schema\": \"cpuidcheck-findings/2\",\n");
	fprintf(out, "  \"tree\": ");
	json_str(out, tree);
	fprintf(out, ",\n  \"findings\": [");
	for (i = 0; i < fs->n; i += n) {
		const struct finding *f = &fs->v[i];
		const struct check_info *c = check_find(f->check);

		n = group_len(fs, i);
		fprintf(out, "%s\n    {\"check\": ", i ? "," : "");
		json_str(out, f->check);
		fprintf(out, ", \"file\": ");
		json_str(out, f->file);
		fprintf(out, ", \"line\": %d, \"column\": %d,\n     \"summary\": ",
			f->line, f->column);
		json_str(out, c ? c->summary : NULL);
		fprintf(out, ",\n     \"subjects\": [");
		for (k = i; k < i + n; k++) {
			char *s = subject_of(&fs->v[k]);

			fprintf(out, "%s\n       {\"subject\": ",
				k > i ? "," : "");
			json_str(out, s);
			json_after(out, ", \"feature\": ", fs->v[k].feature);
			json_after(out, ", \"cpuid_place\": ", fs->v[k].place);
			json_after(out, ",\n        \"message\": ",
				   fs->v[k].message);
			json_after(out, ",\n        \"fix\": ", fs->v[k].fix);
			fprintf(out, "}");
			free(s);
		}
		fprintf(out, "]}");
	}
	fprintf(out, "%s],\n  \"summary\": {\"findings\": %d, \"places\": %d, \"suppressed\": %d}\n}\n",
		fs->n ? "\n  " : "", fs->n, count_groups(fs), fs->suppressed);
}

/* ---- SARIF ---- */

/* @s percent-encoded for a URI path (RFC 3986 unreserved and '/' kept) */
static char *uri_path(const char *s)
{
	struct sbuf b = { 0 };

	sb_add(&b, "", 0);
	for (; *s; s++) {
		unsigned char c = *s;

		if (isalnum(c) || strchr("-._~/", c))
			sb_add(&b, s, 1);
		else
			sb_printf(&b, "%%%02X", c);
	}
	return b.s;
}

/*
 * The address of @rel, a file of the project's documentation (README.md,
 * docs/checks.md): under DOC_URL when the build names where the project's
 * files are published (make DOC_URL=https://host/tree/), else the copy
 * beside this program (source tree or installed share/doc/cpuidcheck/) as
 * a file: URI; NULL when neither exists (then no link is given at all).
 */
static char *doc_uri(const char *rel)
{
#ifdef DOC_URL
	return xasprintf("%s%s", DOC_URL, rel);
#else
	char *inst = xasprintf("share/doc/cpuidcheck/%s", rel);
	char *path = find_part(rel, inst), *u, *r;

	free(inst);
	if (!path)
		return NULL;
	u = uri_path(path);
	r = xasprintf("file://%s", u);
	free(u);
	free(path);
	return r;
#endif
}

/*
 * SARIF's column of GCC's column @col on @line: GCC counts display
 * columns (a tab to the next multiple of 8, -fdiagnostics-column-unit=
 * display), SARIF here Unicode code points ("columnKind":
 * "unicodeCodePoints"), both from 1.  Every code point is taken as one
 * display column: the kernel's C is ASCII where findings point.
 */
static int codepoint_column(const char *line, int col)
{
	const unsigned char *p = (const unsigned char *)line;
	int c = 1, cp = 1;

	while (p && *p && c < col) {
		c = *p == '\t' ? ((c - 1) / 8 + 1) * 8 + 1 : c + 1;
		p++;
		while ((*p & 0xc0) == 0x80)
			p++;
		if (c <= col)
			cp++;
	}
	return cp;
}

/* whitespace runs as one space, none at the ends */
static char *normalise_space(const char *s)
{
	struct sbuf b = { 0 };

	sb_add(&b, "", 0);
	while (s && *s) {
		if (isspace((unsigned char)*s)) {
			while (isspace((unsigned char)*s))
				s++;
			if (*s && b.len)
				sb_puts(&b, " ");
			continue;
		}
		sb_add(&b, s++, 1);
	}
	return b.s;
}

/*
 * partialFingerprints' value: a hash of the check, the file, the subject
 * and the finding's source line with its spacing normalised, never the
 * line number (a result keeps its identity when lines above it move),
 * and ":N" to tell apart the Nth result with the same hash.
 */
static char *fingerprint(const struct finding *f, const char *line)
{
	char *subject = subject_of(f), *norm = normalise_space(line);
	unsigned long long h = hash_str(f->check, 0);

	h = hash_str("\n", h);
	h = hash_str(f->file, h);
	h = hash_str("\n", h);
	h = hash_str(subject ? subject : f->message, h);
	h = hash_str("\n", h);
	h = hash_str(norm, h);
	free(subject);
	free(norm);
	return xasprintf("%016llx", h);
}

static void json_multi(FILE *out, const char *key, const char *text,
		       const char *markdown)
{
	fprintf(out, "\"%s\": {\"text\": ", key);
	json_str(out, text);
	if (markdown) {
		fputs(", \"markdown\": ", out);
		json_str(out, markdown);
	}
	fputc('}', out);
}

static void print_sarif_rules(FILE *out)
{
	int r;

	for (r = 0; r < checks_count(); r++) {
		const struct check_info *c = check_nth(r);
		const char *para = strstr(c->help, "\n\n");
		char *full = para ? strndup(c->help, para - c->help) :
			     xstrdup(c->help);
		char *md = xasprintf("**%s**\n\n%s", c->summary, c->help);
		char *rel = xasprintf("docs/checks.md#%s", c->name);
		char *uri = doc_uri("docs/checks.md");

		fprintf(out, "%s\n        {\"id\": ", r ? "," : "");
		json_str(out, c->name);
		fprintf(out, ", \"name\": ");
		json_str(out, c->name);
		fprintf(out, ",\n         ");
		json_multi(out, "shortDescription", c->summary, NULL);
		fprintf(out, ",\n         ");
		json_multi(out, "fullDescription", full, NULL);
		fprintf(out, ",\n         ");
		json_multi(out, "help", c->help, md);
		if (uri) {
			fprintf(out, ",\n         \"helpUri\": \"%s#%s\"", uri,
				c->name);
		}
		json_after(out, ",\n         \"defaultConfiguration\": {\"level\": ",
			   c->severity);
		json_after(out, "},\n         \"properties\": {\"tags\": [\"correctness\", \"kvm\", \"cpuid\"], \"precision\": \"high\", \"problem.severity\": ",
			   c->severity);
		fprintf(out, "}}");
		free(full);
		free(md);
		free(rel);
		free(uri);
	}
}

static void print_sarif(FILE *out, const struct findings *fs,
			const char *tree)
{
	char **prints = xmalloc((fs->n + 1) * sizeof(*prints));
	char *info = doc_uri("README.md");
	int i, k;

	fprintf(out, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n");
	fprintf(out, "  \"version\": \"2.1.0\",\n  \"runs\": [{\n");
	fprintf(out, "    \"tool\": {\"driver\": {\"name\": \"cpuidcheck\", \"version\": \"%s\",\n",
		VERSION);
	if (info) {
		fprintf(out, "      \"informationUri\": ");
		json_str(out, info);
		fprintf(out, ",\n");
	}
	fprintf(out, "      \"rules\": [");
	print_sarif_rules(out);
	fprintf(out, "]}},\n");
	fprintf(out, "    \"columnKind\": \"unicodeCodePoints\",\n");
	if (tree) {
		char *p = uri_path(tree);
		char *uri = xasprintf("file://%s/", p);

		fprintf(out, "    \"originalUriBaseIds\": {\"SRCROOT\": {\"uri\": ");
		json_str(out, uri);
		fprintf(out, "}},\n");
		free(uri);
		free(p);
	}
	fprintf(out, "    \"results\": [");
	for (i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];
		const struct check_info *c = check_find(f->check);
		char *line = line_text(f, tree), *subject = subject_of(f);
		char *uri = uri_path(f->file);
		int same = 0;

		prints[i] = fingerprint(f, line);
		for (k = 0; k < i; k++)
			same += !strncmp(prints[k], prints[i], 16);
		fprintf(out, "%s\n      {\"ruleId\": ", i ? "," : "");
		json_str(out, f->check);
		if (c)
			fprintf(out, ", \"ruleIndex\": %d",
				(int)(c - check_nth(0)));
		fprintf(out, ", \"level\": ");
		json_str(out, c ? c->severity : "warning");
		fprintf(out, ",\n       \"message\": {\"text\": ");
		json_str(out, f->message);
		fprintf(out, "},\n       \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ");
		json_str(out, uri);
		if (tree && f->file[0] != '/')
			fprintf(out, ", \"uriBaseId\": \"SRCROOT\"");
		fprintf(out, "}, \"region\": {\"startLine\": %d", f->line);
		if (f->column > 0 && line)
			fprintf(out, ", \"startColumn\": %d",
				codepoint_column(line, f->column));
		fprintf(out, "}}}],\n       \"partialFingerprints\": {\"cpuidcheck/v1\": \"%s:%d\"},\n",
			prints[i], same + 1);
		json_after(out, "       \"properties\": {\"subject\": ",
			   subject);
		json_after(out, ", \"feature\": ", f->feature);
		json_after(out, ", \"cpuid_place\": ", f->place);
		json_after(out, ", \"fix\": ", f->fix);
		fprintf(out, "}}");
		free(line);
		free(subject);
		free(uri);
	}
	fprintf(out, "%s]\n  }]\n}\n", fs->n ? "\n    " : "");
	for (i = 0; i < fs->n; i++)
		free(prints[i]);
	free(prints);
	free(info);
}

static void print_checkpatch(FILE *out, const struct findings *fs,
			     const struct output *o)
{
	int i, n, groups = 0, lines_checked = o->lines_checked;

	for (i = 0; i < fs->n; i += n) {
		const struct finding *f = &fs->v[i];
		char *type = checkpatch_type(f->check);
		char *src = line_text(f, o->tree);
		int ln = f->patch_line ? f->patch_line : f->line;
		char *h;

		n = group_len(fs, i);
		h = headline(fs, i, n);
		fprintf(out, "WARNING:%s: %s\n", type, h);
		print_group_detail(out, fs, i, n);
		fprintf(out, "#%d: FILE: %s:%d:\n", ln, f->file, f->line);
		if (src)
			fprintf(out, "+%s\n", src);
		fputc('\n', out);
		free(type);
		free(src);
		free(h);
		groups++;
	}
	for (i = 0; !lines_checked && i < fs->n; i++) {
		int k;

		for (k = 0; k < i && strcmp(fs->v[k].file, fs->v[i].file); k++)
			;
		if (k == i)
			lines_checked += count_lines(o->tree,
						     fs->v[i].file);
	}
	fprintf(out, "total: 0 errors, %d warnings, %d lines checked\n",
		groups, lines_checked);
	if (fs->n)
		fprintf(out, "\n%s has CPUID problems, please review.\n",
			o->what ? o->what : "The tree");
	else if (o->what)
		fprintf(out, "\n%s has no obvious CPUID problems.\n",
			o->what);
}

void print_summary(FILE *out, const struct findings *fs)
{
	int c, i, n, sep = 0;

	fprintf(out, "cpuidcheck: %d finding%s", fs->n, fs->n == 1 ? "" : "s");
	for (c = 0; c < checks_count(); c++) {
		const char *name = check_nth(c)->name;

		for (i = n = 0; i < fs->n; i++)
			n += !strcmp(fs->v[i].check, name);
		if (n)
			fprintf(out, "%s%s: %d", sep++ ? ", " : " (", name, n);
	}
	fprintf(out, "%s, %d suppressed\n", sep ? ")" : "", fs->suppressed);
}

void print_findings(FILE *out, const struct findings *fs,
		    const struct output *o)
{
	int i;

	switch (o->format) {
	case FMT_TEXT:
		print_text(out, fs);
		break;
	case FMT_JSON:
		print_json(out, fs, o->tree);
		break;
	case FMT_SARIF:
		print_sarif(out, fs, o->tree);
		break;
	case FMT_CHECKPATCH:
		print_checkpatch(out, fs, o);
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

