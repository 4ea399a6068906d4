// SPDX-License-Identifier: GPL-2.0
/*
 * The list of checks.  A check is one file, check_NAME.c, defining one
 * struct cpuidcheck_check; add it here and in cpuidcheck.h.
 */
#include "cpuidcheck.h"

struct cpuidcheck_check *checks[] = {
	&check_leaf,
	NULL,
};

struct cpuidcheck_check *check_by_name(const char *name, size_t len)
{
	int i;

	for (i = 0; checks[i]; i++)
		if (strlen(checks[i]->name) == len &&
		    !strncmp(checks[i]->name, name, len))
			return checks[i];
	return NULL;
}
