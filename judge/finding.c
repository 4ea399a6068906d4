// SPDX-License-Identifier: GPL-2.0
/*
 * The finding record's one writer and one reader (finding.h has the line).
 *
 * Record files are read back from build directories and caches, so the
 * reader trusts nothing: a line is a record only if it has every field,
 * numbers where numbers belong and a known state.
 */
#include <stdlib.h>
#include <string.h>

#include "finding.h"

#define NR_FIELDS	12

struct out {
	char *buf;
	size_t size, len;	/* len counts what did not fit, too */
};

static void put_char(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

/* A field: "-" for none, tabs and line ends made spaces. */
static void put_field(struct out *o, const char *s)
{
	put_char(o, '\t');
	if (!s || !*s)
		s = "-";
	for (; *s; s++)
		put_char(o, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void put_number(struct out *o, int n)
{
	char digits[24];

	snprintf(digits, sizeof(digits), "%d", n);
	put_field(o, digits);
}

int finding_record_format(char *buf, size_t size,
			  const struct finding_record *r)
{
	struct out o = { buf, size, 0 };
	const char *kind = "finding";

	while (*kind)
		put_char(&o, *kind++);
	put_field(&o, r->check);
	put_field(&o, r->subject);
	put_field(&o, r->file);
	put_number(&o, r->line);
	put_number(&o, r->column);
	put_field(&o, r->state);
	put_field(&o, r->feature);
	put_field(&o, r->place);
	put_field(&o, r->expected);
	put_field(&o, r->fix);
	put_field(&o, r->message);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

static bool positive(const char *s, int *n)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9')
		return false;
	v = strtol(s, &end, 10);
	if (*end || v < 1 || v > 1000000000)
		return false;
	*n = (int)v;
	return true;
}

static const char *optional(const char *s)
{
	return strcmp(s, "-") ? s : NULL;
}

bool finding_record_parse(char *line, struct finding_record *r)
{
	char *field[NR_FIELDS];
	char *p = line;
	size_t len = strlen(line);
	int n = 0;

	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	for (;;) {
		char *tab = strchr(p, '\t');

		if (n == NR_FIELDS || !*p || *p == '\t')
			return false;
		field[n++] = p;
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	if (n != NR_FIELDS || strcmp(field[0], "finding"))
		return false;
	memset(r, 0, sizeof(*r));
	if (!positive(field[4], &r->line) || !positive(field[5], &r->column))
		return false;
	if (strcmp(field[6], "reported") && strcmp(field[6], "suppressed"))
		return false;
	r->check = field[1];
	r->subject = optional(field[2]);
	r->file = field[3];
	r->state = field[6];
	r->feature = optional(field[7]);
	r->place = optional(field[8]);
	r->expected = optional(field[9]);
	r->fix = optional(field[10]);
	r->message = field[11];
	return strcmp(r->check, "-") && strcmp(r->file, "-") &&
	       strcmp(r->message, "-");
}
