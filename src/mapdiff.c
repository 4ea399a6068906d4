// SPDX-License-Identifier: GPL-2.0
/*
 * What changed between two capability maps (review): features added,
 * removed or re-wrapped, query sites, CR4 gating, findings introduced and
 * fixed; a reply's quotes of the introduced ones.
 */
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "cpuidcheck.h"

/*
 * The finding @f of map @now for a reply: its line and the one before,
 * quoted ("> "), then the finding under them, its fix on a line of its
 * own, as a maintainer answers a patch.
 */
static void reply_finding(struct sbuf *b, const struct capmap *now,
			  const struct finding *f)
{
	char *t = tree_text(now->ksrc, now->ovdir, f->file), *p = t;
	char *body, *fix = f->fix;
	int l;

	for (l = 1; p && l < f->line - 1; l++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	for (; p && *p && l <= f->line; l++) {
		size_t n = strcspn(p, "\n");

		while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (l >= f->line - 1) {
			sb_puts(b, n ? "> " : ">");
			sb_add(b, p, n);
			sb_puts(b, "\n");
		}
		p += strcspn(p, "\n");
		if (*p)
			p++;
	}
	free(t);
	body = fix ? strndup(f->message, strlen(f->message) - strlen(fix)) :
	       xstrdup(f->message);
	l = strlen(body);
	while (fix && l && (body[l - 1] == ' ' || body[l - 1] == ';'))
		body[--l] = '\0';
	l = b->len;
	sb_printf(b, "\n%s:%d: [%s]", f->file, f->line, f->check);
	sb_wrap(b, b->len - l - 1, body);
	if (fix) {
		sb_puts(b, "Fix:");
		sb_wrap(b, 4, fix);
	}
	sb_puts(b, "\n");
	free(body);
}

static bool has_site(const struct sites *s, const char *api,
		     const char *where)
{
	int i;

	for (i = 0; s && i < s->n; i++)
		if (!strcmp(s->v[i].api, api) && !strcmp(s->v[i].where, where))
			return true;
	return false;
}

static void diff_findings(const struct findings *a, const struct findings *b,
			  const char *what, int *count, struct change *c,
			  const struct capmap *now)
{
	const struct finding *m;
	int i;

	for (i = 0; i < b->n; i++) {
		if (findings_match(a, &b->v[i], finding_key, NULL))
			continue;
		/*
		 * The code it is about moved to another file (6.14 moved
		 * __cr4_reserved_bits() from x86.h to regs.h): neither new
		 * nor fixed.  Said once, on the "introduced" side.
		 */
		m = findings_match(a, &b->v[i], finding_moved_key, NULL);
		if (m) {
			if (*what == 'i')
				sb_printf(&c->text, "  = moved %s:%d -> %s:%d: %s [%s]\n",
					  m->file, m->line, b->v[i].file,
					  b->v[i].line, b->v[i].message,
					  b->v[i].check);
			continue;
		}
		(*count)++;
		sb_printf(&c->text, "  %s %s:%d:%d: %s [%s]\n", what,
			  b->v[i].file, b->v[i].line, b->v[i].column,
			  b->v[i].message, b->v[i].check);
		if (now)
			reply_finding(&c->reply, now, &b->v[i]);
		if (*what == 'i') {
			/* b4's fail for an error of the registry, else warn */
			const struct check_info *ci = check_find(b->v[i].check);
			int w = ci && !strcmp(ci->severity, "error") ?
				2 : 1;

			if (w > c->worst)
				c->worst = w;
		}
	}
}

static void diff_sites(const char *name, const struct sites *a,
		       const struct sites *b, const char *sign,
		       const char *what, int *count, struct sbuf *t)
{
	int i, j;

	for (i = 0; b && i < b->n; i++) {
		for (j = 0; j < i; j++)
			if (!strcmp(b->v[j].api, b->v[i].api) &&
			    !strcmp(b->v[j].where, b->v[i].where))
				break;
		if (j < i || has_site(a, b->v[i].api, b->v[i].where))
			continue;
		(*count)++;
		sb_printf(t, "  %s %s %s: %s(%s) in %s (%s:%d)\n", sign, what,
			  name, b->v[i].api, name, b->v[i].where,
			  base_name(b->v[i].file), b->v[i].line);
	}
}

/*
 * advertised() of @f, with 6.1-6.13's kvm_set_cpu_caps() spelled as its
 * 6.14+ name kvm_initialize_cpu_caps(): the same function renamed is no
 * change in how a feature is advertised.
 */
static char *advertised_cmp(const struct feat *f)
{
	static const char old[] = "kvm_set_cpu_caps()";
	static const char now[] = "kvm_initialize_cpu_caps()";
	char *s = advertised(f), *p;
	struct sbuf b = { 0 };

	sb_add(&b, "", 0);
	for (p = s; *p; ) {
		if (starts_with(p, old)) {
			sb_puts(&b, now);
			p += strlen(old);
		} else {
			sb_add(&b, p++, 1);
		}
	}
	free(s);
	return b.s;
}

static void print_rewrap(const struct feat *o, const struct feat *f,
			 struct change *c)
{
	char *x = advertised(o), *y = advertised(f);

	sb_printf(&c->text, "  ~ re-wrapped %s: %s -> %s\n", f->name, x, y);
	c->rewrapped++;
	free(x);
	free(y);
}

void diff_maps(const struct capmap *a, const struct capmap *b,
		      struct change *c)
{
	int i, k;

	sb_add(&c->text, "", 0);
	/* a unit that does not compile records little: its "-" are not real */
	if (b->failed) {
		sb_printf(&c->text, "  ! %d unit%s did not compile: features, queries and findings of %s may be missing\n",
			  b->failed, b->failed == 1 ? "" : "s",
			  b->failed == 1 ? "it" : "them");
		if (c->worst < 1)
			c->worst = 1;
	}
	for (k = 0; k < 2; k++) {
		const struct capmap *x = k ? a : b, *y = k ? b : a;

		for (i = 0; i < x->n; i++) {
			const struct feat *f = &x->v[i];
			const struct feat *other = find_feat(y, f->name);
			char *adv;

			if (!f->decl.n || (other && other->decl.n))
				continue;
			/*
			 * Declared on one side, set at runtime on the other:
			 * advertised both times, only differently.
			 */
			adv = other ? advertised(other) : NULL;
			if (adv && strcmp(adv, "-")) {
				free(adv);
				print_rewrap(k ? f : other, k ? other : f, c);
				continue;
			}
			free(adv);
			adv = advertised(f);
			sb_printf(&c->text, "  %s feature %s: %s %s, %s\n",
				  k ? "-" : "+", f->name,
				  f->word ? f->word : "?",
				  f->place ? f->place : "?", adv);
			free(adv);
			if (k)
				c->removed++;
			else
				c->added++;
		}
	}
	for (i = 0; i < b->n; i++) {
		const struct feat *f = &b->v[i], *o = find_feat(a, f->name);
		char *x, *y;

		if (!o)
			continue;
		x = advertised_cmp(o);
		y = advertised_cmp(f);
		if (o->decl.n && f->decl.n && strcmp(x, y))
			print_rewrap(o, f, c);
		free(x);
		free(y);
		x = gates(o);
		y = gates(f);
		if (strcmp(x, y)) {
			sb_printf(&c->text, "  ~ CR4 gating of %s: %s -> %s\n",
				  f->name, x, y);
			c->cr4++;
		}
		free(x);
		free(y);
	}
	for (i = 0; i < a->n; i++) {
		const struct feat *o = &a->v[i];

		if (!find_feat(b, o->name) && o->gate.n) {
			char *x = gates(o);

			sb_printf(&c->text, "  ~ CR4 gating of %s: %s -> -\n",
				  o->name, x);
			c->cr4++;
			free(x);
		}
	}
	for (i = 0; i < b->n; i++) {
		const struct feat *f = &b->v[i], *o = find_feat(a, f->name);

		diff_sites(f->name, o ? &o->query : NULL, &f->query, "+",
			   "query of", &c->queries, &c->text);
	}
	for (i = 0; i < a->n; i++) {
		const struct feat *o = &a->v[i], *f = find_feat(b, o->name);

		diff_sites(o->name, f ? &f->query : NULL, &o->query, "-",
			   "query of", &c->queries, &c->text);
	}
	diff_findings(&a->fs, &b->fs, "introduced", &c->introduced, c, b);
	diff_findings(&b->fs, &a->fs, "fixed", &c->fixed, c, NULL);
}
