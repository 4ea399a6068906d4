// SPDX-License-Identifier: GPL-2.0
/*
 * The plugin's per-unit records (plugin/record.c): one a line, fields
 * separated by tabs, the kind first.
 */
#include <stdlib.h>
#include <string.h>

#include "cpuidcheck.h"

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
