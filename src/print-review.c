// SPDX-License-Identifier: GPL-2.0
/*
 * Review's steps printed: text, JSON or b4's check format (a list of
 * {tool, status, summary, patch, details}), or a reply to paste under
 * the patch (--format=reply).
 */
#include <stdlib.h>

#include "cpuidcheck.h"

static char *change_summary(const struct change *c)
{
	return xasprintf("%d finding%s introduced, %d fixed; features +%d -%d, %d re-wrapped, %d query site%s changed, %d CR4 gating change%s",
			 c->introduced, c->introduced == 1 ? "" : "s",
			 c->fixed, c->added, c->removed, c->rewrapped,
			 c->queries, c->queries == 1 ? "" : "s", c->cr4,
			 c->cr4 == 1 ? "" : "s");
}

void print_steps(FILE *out, const struct step *s, int n, enum format fmt,
		 bool reply)
{
	static const char *const status[] = { "pass", "warn", "fail" };
	int i;

	if (fmt == FMT_B4 || fmt == FMT_JSON)
		fputs("[", out);
	for (i = 0; i < n; i++) {
		char *sum = s[i].broken ? xstrdup(s[i].why) :
			    change_summary(&s[i].c);

		if (fmt == FMT_B4 || fmt == FMT_JSON) {
			fprintf(out, "%s\n {\"tool\": \"cpuidcheck\", \"status\": \"%s\", \"summary\": ",
				i ? "," : "",
				s[i].unchecked ? "warn" : s[i].broken ? "fail" :
				status[s[i].c.worst]);
			json_str(out, sum);
			fputs(", \"patch\": ", out);
			json_str(out, s[i].title);
			fputs(", \"details\": ", out);
			json_str(out, s[i].c.text.s ? s[i].c.text.s : "");
			fputc('}', out);
		} else if (reply) {
			/* a reply: the patch, then each finding under its line */
			fprintf(out, "%s%s\n\n", i ? "\n" : "", s[i].title);
			if (s[i].broken)
				fprintf(out, "It %s.\n", s[i].why);
			else if (s[i].c.reply.s)
				fputs(s[i].c.reply.s, out);
			else
				fputs("No CPUID findings introduced.\n", out);
		} else {
			fprintf(out, "%s%s\n  %s\n%s", i ? "\n" : "",
				s[i].title, sum,
				s[i].c.text.s ? s[i].c.text.s : "");
		}
		free(sum);
	}
	if (fmt == FMT_B4 || fmt == FMT_JSON)
		fputs("\n]\n", out);
}
