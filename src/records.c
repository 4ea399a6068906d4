// SPDX-License-Identifier: GPL-2.0
/*
 * The plugin's per-unit records (plugin/record.c): one a line, fields
 * separated by tabs, the kind first.  Findings come only from here, never
 * from the text a compiler prints (judge/finding.h has their record).
 */
#include <stdlib.h>
#include <string.h>

#include "cpuidcheck.h"
#include "finding.h"

/* Which field of a record of @kind is a file (0: none). */
int record_file_field(const char *kind)
{
	if (!strcmp(kind, "unit"))
		return 1;
	if (!strcmp(kind, "declare"))
		return 5;
	if (!strcmp(kind, "set") || !strcmp(kind, "query") ||
	    !strcmp(kind, "gate"))
		return 4;
	if (!strcmp(kind, "finding"))
		return 3;
	return 0;
}

/*
 * Split @line at tabs into at most @max fields, the last holding the rest
 * of the line (a finding's message may hold tabs); the count.
 */
int record_split(char *line, char **f, int max)
{
	int n = 0;

	while (n < max) {
		f[n++] = line;
		if (n == max)
			break;
		line = strchr(line, '\t');
		if (!line)
			break;
		*line++ = '\0';
	}
	return n;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/*
 * The findings of @records (any number of units'): each reported one
 * added to @fs, each suppressed one counted in fs->suppressed, once
 * however many units saw it.  A finding record that does not read is not
 * skipped: its findings would be lost.
 */
void findings_from_records(const char *records, struct findings *fs)
{
	char *text = xstrdup(records ? records : ""), *line, *save = NULL;
	struct sbuf quiet = { 0 };
	int lineno = 0;

	sb_add(&quiet, "", 0);
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		struct finding_record r;
		struct finding f = { 0 };

		lineno++;
		if (!starts_with(line, "finding\t"))
			continue;
		if (!finding_record_parse(line, &r))
			die("finding record %d does not read (written by another version of cpuidcheck?)",
			    lineno);
		if (strcmp(r.state, "reported")) {
			sb_printf(&quiet, "%s\t%d\t%d\t%s\t%s\n", r.file,
				  r.line, r.column, r.check, r.message);
			continue;
		}
		f.file = xstrdup(r.file);
		f.line = r.line;
		f.column = r.column;
		f.check = xstrdup(r.check);
		f.subject = dup_or_null(r.subject);
		f.message = xstrdup(r.message);
		f.feature = dup_or_null(r.feature);
		f.place = dup_or_null(r.place);
		f.fix = dup_or_null(r.fix);
		findings_add(fs, &f);
	}
	sort_lines(quiet.s);
	for (line = quiet.s; *line; ) {
		char *e = strchr(line, '\n');
		size_t l = e - line + 1;

		fs->suppressed++;
		line += l;
		while (!strncmp(line, line - l, l))
			line += l;
	}
	free(quiet.s);
	free(text);
}
