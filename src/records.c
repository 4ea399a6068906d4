// SPDX-License-Identifier: GPL-2.0
/*
 * The merge step over the plugin's per-unit records (plugin/record.c):
 * KVM's capability map and the cross-unit cpuid-undeclared check.
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
