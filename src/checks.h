/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The check registry: data/checks, embedded at build time (src/checks.inc).
 * One entry a check: its name, severity, one-line summary and help text.
 */
#ifndef CPUIDCHECK_CHECKS_H
#define CPUIDCHECK_CHECKS_H

#include <stddef.h>

struct check_info {
	const char *name;	/* cpuid-leaf */
	const char *severity;	/* warning, error */
	const char *summary;	/* one line, no full stop */
	const char *help;	/* paragraphs separated by an empty line */
};

/* The number of checks; check_nth(0 .. checks_count() - 1) in file order. */
int checks_count(void);
const struct check_info *check_nth(int i);
/* The check called @name (@len bytes of it), or NULL. */
const struct check_info *check_find_n(const char *name, size_t len);
const struct check_info *check_find(const char *name);
/*
 * A comma-separated list of check names: NULL if every name is known,
 * else a new string holding the first unknown one.
 */
char *checks_unknown(const char *list);

#endif
