// SPDX-License-Identifier: GPL-2.0
/*
 * The one CPUID place formatter: CPUID.(EAX=7,ECX=0):EBX[5] for a function
 * that takes a sub-leaf (data/cpuid-facts "indexed") or a non-zero index,
 * CPUID.1:EDX[3] and CPUID.0x80000001:EDX otherwise.  Functions above 9
 * are written in hex, as the SDM does.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "judge.h"

static const char *const reg_names[NR_ARCH_REGS] = {
	"EAX", "EBX", "ECX", "EDX"
};

static const char *reg_name(int reg)
{
	return reg >= 0 && reg < NR_ARCH_REGS ? reg_names[reg] : "?";
}

static void format(char *buf, size_t len, const struct cpuid_place *place,
		   bool with_index)
{
	char fn[16], idx[16], bit[16] = "";

	snprintf(fn, sizeof(fn), place->function > 9 ? "%#x" : "%u",
		 place->function);
	snprintf(idx, sizeof(idx), place->index > 9 ? "%#x" : "%u",
		 place->index);
	if (place->bit >= 0)
		snprintf(bit, sizeof(bit), "[%d]", place->bit);
	if (with_index)
		snprintf(buf, len, "CPUID.(EAX=%s,ECX=%s):%s%s", fn, idx,
			 reg_name(place->reg), bit);
	else
		snprintf(buf, len, "CPUID.%s:%s%s", fn, reg_name(place->reg),
			 bit);
}

int arch_reg_named(const char *name)
{
	int i;

	if (!strncmp(name, "CPUID_", 6))
		name += 6;
	for (i = 0; i < NR_ARCH_REGS; i++)
		if (!strcasecmp(name, reg_names[i]))
			return i;
	return -1;
}

void format_place(char *buf, size_t len, const struct cpuid_place *place)
{
	format(buf, len, place,
	       facts_function_indexed(place->function) || place->index);
}

void format_place_no_index(char *buf, size_t len,
			   const struct cpuid_place *place)
{
	format(buf, len, place, false);
}
