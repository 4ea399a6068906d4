// SPDX-License-Identifier: GPL-2.0
/*
 * The list of checks.  A check is one file, check_NAME.c, defining one
 * struct cpuidcheck_check; add it here and in cpuidcheck.h.
 */
#include "cpuidcheck.h"

struct cpuidcheck_check *checks[] = {
	&check_leaf,
	&check_rawmask,
	&check_alias,
	&check_cr4,
	NULL,
};
