/* SPDX-License-Identifier: GPL-2.0 */
/* The CPUID model learned from a tree's headers (headers.c). */
#ifndef CPUIDCHECK_JUDGE_HEADERS_H
#define CPUIDCHECK_JUDGE_HEADERS_H

#include "judge.h"

struct header_model;

/* The model for checked file @cfile; valid until the next call. */
struct header_model *headers_model_of(const char *cfile);
const struct cpuid_model *headers_cpuid_model(struct header_model *h);
/* @text, a C constant expression, with the tree's macros and words */
bool headers_eval(struct header_model *h, const char *text, long *value);

/* The reserved-bits macro a file defines: its gates, where they are. */
struct cr4_macro_text;
const struct cr4_macro_text *headers_cr4_macro(struct header_model *h,
					       const char *path);
int headers_cr4_def_line(const struct cr4_macro_text *c);
int headers_cr4_gate_line(const struct cr4_macro_text *c, int gate);
const struct judge_cr4_macro *headers_cr4_gates(
	const struct cr4_macro_text *c);

#endif
