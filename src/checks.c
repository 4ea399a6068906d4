// SPDX-License-Identifier: GPL-2.0
/*
 * The check registry (data/checks, see its header for the format), parsed
 * once from the copy compiled into the program.
 */
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "cpuidcheck.h"

static const char registry_text[] =
#include "checks.inc"
;

static struct check_info *checks;
static int nr_checks;

/* Append continuation line @p (after its leading space) to @b. */
static void add_continuation(struct sbuf *b, const char *p, size_t n)
{
	if (n == 1 && p[0] == '.') {
		sb_puts(b, "\n\n");
		return;
	}
	if (b->len && b->s[b->len - 1] != '\n')
		sb_puts(b, " ");
	sb_add(b, p, n);
}

static void load(void)
{
	const char *p = registry_text, *eol;
	struct check_info *c = NULL;
	struct sbuf *field = NULL;
	struct sbuf name = { 0 }, sev = { 0 }, sum = { 0 }, help = { 0 };

	if (checks)
		return;
	checks = xmalloc(sizeof(*checks));
	for (;; p = eol + 1) {
		size_t n;

		eol = strchr(p, '\n');
		if (!eol)
			eol = p + strlen(p);
		n = eol - p;
		if (n && p[0] == '#')
			goto next;
		if (n && p[0] == ' ' && field) {
			add_continuation(field, p + 1, n - 1);
			goto next;
		}
		if (!n || !*eol) {
			/* end of a stanza */
			if (name.len) {
				checks = xrealloc(checks, (nr_checks + 1) *
						  sizeof(*checks));
				c = &checks[nr_checks++];
				c->name = name.s;
				c->severity = sev.s ? sev.s : "warning";
				c->summary = sum.s ? sum.s : "";
				c->help = help.s ? help.s : "";
				memset(&name, 0, sizeof(name));
				memset(&sev, 0, sizeof(sev));
				memset(&sum, 0, sizeof(sum));
				memset(&help, 0, sizeof(help));
			}
			field = NULL;
			if (!*eol)
				break;
			continue;
		}
		if (!strncmp(p, "Check:", 6))
			field = &name;
		else if (!strncmp(p, "Severity:", 9))
			field = &sev;
		else if (!strncmp(p, "Summary:", 8))
			field = &sum;
		else if (!strncmp(p, "Help:", 5))
			field = &help;
		else
			field = NULL;
		if (field) {
			const char *v = strchr(p, ':') + 1;

			while (v < eol && *v == ' ')
				v++;
			sb_add(field, v, eol - v);
		}
next:
		if (!*eol)
			break;
	}
}

int checks_count(void)
{
	load();
	return nr_checks;
}

const struct check_info *check_nth(int i)
{
	load();
	return i >= 0 && i < nr_checks ? &checks[i] : NULL;
}

const struct check_info *check_find_n(const char *name, size_t len)
{
	int i;

	load();
	for (i = 0; i < nr_checks; i++)
		if (strlen(checks[i].name) == len &&
		    !strncmp(checks[i].name, name, len))
			return &checks[i];
	return NULL;
}

const struct check_info *check_find(const char *name)
{
	return check_find_n(name, strlen(name));
}

char *checks_unknown(const char *list)
{
	const char *p = list;

	while (*p) {
		size_t n = strcspn(p, ",");

		if (n && !check_find_n(p, n))
			return strndup(p, n);
		p += n;
		if (*p == ',')
			p++;
	}
	return NULL;
}
