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

#endif
