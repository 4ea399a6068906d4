/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One finding, as every engine writes it and the program reads it.
 *
 * A record is one line of tab-separated fields (no field holds a tab or a
 * newline; an empty field is written "-"):
 *
 *   finding CHECK SUBJECT FILE LINE COLUMN STATE FEATURE PLACE EXPECTED FIX MESSAGE
 *
 *   CHECK    cpuid-leaf, cpuid-alias, ... (data/checks)
 *   SUBJECT  what a suppression names: X86_FEATURE_x, CR4.NAME, ...
 *   FILE     as the compiler or spatch named it (the program makes it
 *            relative to the tree)
 *   LINE     1-based
 *   COLUMN   1-based display column with tab stops of 8, the column GCC
 *            prints by default (-fdiagnostics-column-unit=display)
 *   STATE    reported | suppressed
 *   FEATURE  X86_FEATURE_x as written, or "-"
 *   PLACE    the feature's real CPUID place, CPUID.(EAX=7,ECX=0):EBX[7],
 *            or "-"
 *   EXPECTED what the code should have said (for a person), or "-"
 *   FIX      how to fix it, one imperative clause
 *   MESSAGE  the whole sentence printed after "warning: "
 *
 * Plain C: compiled by the program (cc), the plugin (g++) and the judge
 * library Coccinelle loads (cc).
 */
#ifndef CPUIDCHECK_JUDGE_FINDING_H
#define CPUIDCHECK_JUDGE_FINDING_H

#include <stdbool.h>
#include <stdio.h>

struct finding_record {
	const char *check;
	const char *subject;
	const char *file;
	int line, column;
	const char *state;
	const char *feature;
	const char *place;
	const char *expected;
	const char *fix;
	const char *message;
};

/*
 * The record line of @r, without its newline, into @buf as snprintf() does:
 * returns the length the whole line needs.  A NULL or empty field is
 * written "-"; a tab or line end inside a field becomes a space.
 */
int finding_record_format(char *buf, size_t size,
			  const struct finding_record *r);

/*
 * @line (one record, its newline optional) split in place: @r's fields
 * point into @line, and a field written "-" is NULL.  False for anything
 * else (another kind of record, a missing or extra field, a bad number or
 * state); @line is then clobbered.
 */
bool finding_record_parse(char *line, struct finding_record *r);

#endif
