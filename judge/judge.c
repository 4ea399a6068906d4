// SPDX-License-Identifier: GPL-2.0
/*
 * What the decisions share: the capability lists a finding's advice points
 * at, and how a finding is worded into its record.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "judge.h"

/* The first list of @word, the one advice points at. */
const struct judge_list *judge_list_for_word(const struct judge_lists *l,
					     int word)
{
	int i;

	for (i = 0; i < l->nr; i++)
		if (l->list[i].leaf == word)
			return &l->list[i];
	return NULL;
}

/* Does @list already declare the feature KVM numbers @kvm_number? */
bool judge_list_declares(const struct judge_list *list, long kvm_number)
{
	int i;

	for (i = 0; i < list->nr_declares; i++)
		if (list->declares[i] == kvm_number)
			return true;
	return false;
}

void judge_word(struct judge_finding *out, const char *check,
		const char *subject, const char *feature, const char *place,
		const char *fmt, ...)
{
	va_list ap;

	memset(out, 0, sizeof(*out));
	snprintf(out->subject, sizeof(out->subject), "%s", subject);
	snprintf(out->feature, sizeof(out->feature), "%s",
		 feature ? feature : "");
	snprintf(out->place, sizeof(out->place), "%s", place ? place : "");
	va_start(ap, fmt);
	vsnprintf(out->message, sizeof(out->message), fmt, ap);
	va_end(ap);
	out->rec.check = check;
	out->rec.subject = out->subject;
	out->rec.state = "reported";
	out->rec.feature = out->feature[0] ? out->feature : NULL;
	out->rec.place = out->place[0] ? out->place : NULL;
	out->rec.expected = out->expected;
	out->rec.message = out->message;
}

/* "; " and @text at the end of the message. */
static void add_clause(struct judge_finding *out, const char *text)
{
	size_t len = strlen(out->message);

	snprintf(out->message + len, sizeof(out->message) - len, "; %s",
		 text);
}

void judge_fix(struct judge_finding *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out->fix, sizeof(out->fix), fmt, ap);
	va_end(ap);
	out->rec.fix = out->fix;
	add_clause(out, out->fix);
}

void judge_note(struct judge_finding *out, const char *fmt, ...)
{
	char note[sizeof(out->message)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(note, sizeof(note), fmt, ap);
	va_end(ap);
	add_clause(out, note);
}

/* What the code should have said, and what a patch would do. */
void judge_expect(struct judge_finding *out, enum judge_action action, const char *arg,
		  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out->expected, sizeof(out->expected), fmt, ap);
	va_end(ap);
	out->action = action;
	snprintf(out->action_arg, sizeof(out->action_arg), "%s",
		 arg ? arg : "");
}
