// SPDX-License-Identifier: GPL-2.0
/*
 * The capability map printed: text, JSON (cpuidcheck-map/1) and a
 * self-contained HTML page with filters.
 */
#include <stdlib.h>
#include <string.h>

#include "cpuidcheck.h"

/* @s's address under --link (struct map_output), or NULL */
static char *site_url(const struct site *s, const struct map_output *mo)
{
	struct sbuf b = { 0 };
	const char *p;
	char num[16];

	if (!mo->link)
		return NULL;
	snprintf(num, sizeof(num), "%d", s->line);
	sb_add(&b, "", 0);
	for (p = mo->link; *p; ) {
		if (starts_with(p, "{path}")) {
			sb_puts(&b, s->file);
			p += 6;
		} else if (starts_with(p, "{line}")) {
			sb_puts(&b, num);
			p += 6;
		} else if (starts_with(p, "{rev}")) {
			sb_puts(&b, mo->rev ? mo->rev : "");
			p += 5;
		} else {
			sb_add(&b, p++, 1);
		}
	}
	return b.s;
}

/* "vmx/vmx.c:7732", or its --link address */
static char *site_ref(const struct site *s, const struct map_output *mo)
{
	char *u = site_url(s, mo);

	return u ? u : xasprintf("%s:%d", base_name(s->file), s->line);
}
static void print_sites_text(FILE *out, const char *what,
			     const struct sites *s, bool api,
			     const struct map_output *mo)
{
	int j;

	if (!s->n)
		return;
	fprintf(out, "    %s:", what);
	for (j = 0; j < s->n; j++) {
		char *r = site_ref(&s->v[j], mo);

		if (api)
			fprintf(out, "%s %s %s", j ? "," : "", s->v[j].api, r);
		else
			fprintf(out, " %s", r);
		free(r);
	}
	fputc('\n', out);
}

static void print_map_text(FILE *out, const struct capmap *cm,
			   const struct map_output *mo)
{
	int i, j, nq = 0, nf = 0;

	fprintf(out, "KVM CPUID capability map of %s (%s era)\n\n", cm->label,
		cm->init_era ? "kvm_cpu_cap_init" : "kvm_cpu_cap_mask");
	for (i = 0; i < cm->n; i++) {
		const struct feat *ft = &cm->v[i];
		char *a = advertised(ft), *g = gating(ft);

		fprintf(out, "%s  %s  %s\n", ft->name,
			ft->word ? ft->word : "?", ft->place ? ft->place : "?");
		print_sites_text(out, "declared", &ft->decl, true, mo);
		fprintf(out, "    advertised: %s\n", a);
		print_sites_text(out, "set", &ft->set, true, mo);
		if (ft->query.n) {
			char what[32];

			snprintf(what, sizeof(what), "queried: %d",
				 ft->query.n);
			print_sites_text(out, what, &ft->query, false, mo);
		}
		if (strcmp(g, "-"))
			fprintf(out, "    cr4: %s\n", g);
		for (j = 0; j < ft->fs.n; j++) {
			struct sbuf b = { 0 };
			char *p;

			/* wrapped as a mail is, indented under the row */
			sb_add(&b, "", 0);
			sb_wrap(&b, 0, ft->fs.v[j].message);
			fprintf(out, "    finding: %s:%d: [%s]\n",
				base_name(ft->fs.v[j].file), ft->fs.v[j].line,
				ft->fs.v[j].check);
			for (p = strtok(b.s, "\n"); p; p = strtok(NULL, "\n"))
				fprintf(out, "        %s\n", p);
			free(b.s);
		}
		nq += ft->query.n;
		nf += ft->fs.n;
		free(a);
		free(g);
	}
	fprintf(out, "\n%d features, %d query sites, %d findings on features\n",
		cm->n, nq, nf);
}

static void json_sites(FILE *out, const char *key, const char *where,
		       const struct sites *s, const struct map_output *mo)
{
	int i;

	fprintf(out, ", \"%s\": [", key);
	for (i = 0; i < s->n; i++) {
		char *u = site_url(&s->v[i], mo);

		fprintf(out, "%s{\"api\": ", i ? ", " : "");
		json_str(out, s->v[i].api);
		fprintf(out, ", \"%s\": ", where);
		json_str(out, s->v[i].where);
		fputs(", \"file\": ", out);
		json_str(out, s->v[i].file);
		fprintf(out, ", \"line\": %d", s->v[i].line);
		if (u) {
			fputs(", \"url\": ", out);
			json_str(out, u);
		}
		fputc('}', out);
		free(u);
	}
	fputc(']', out);
}

static const char *const reg_names[] = { "EAX", "EBX", "ECX", "EDX" };

static void print_map_json(FILE *out, const struct capmap *cm,
			   const struct map_output *mo)
{
	int i, j;

	fputs("{\"schema\": \"cpuidcheck-map/1\", \"tree\": ", out);
	json_str(out, cm->label);
	fprintf(out, ", \"era\": \"%s\", \"features\": [",
		cm->init_era ? "kvm_cpu_cap_init" : "kvm_cpu_cap_mask");
	for (i = 0; i < cm->n; i++) {
		const struct feat *ft = &cm->v[i];
		char *a = advertised(ft), *g = gates(ft), *gt = gating(ft);

		fprintf(out, "%s\n {\"name\": ", i ? "," : "");
		json_str(out, ft->name);
		fputs(", \"word\": ", out);
		json_str(out, ft->word);
		fputs(", \"place\": ", out);
		json_str(out, ft->place);
		if (ft->placed)
			fprintf(out, ", \"function\": %lu, \"index\": %lu, \"register\": \"%s\", \"bit\": %d",
				ft->fn, ft->idx, reg_names[ft->reg], ft->bit);
		fputs(", \"advertised\": ", out);
		json_str(out, a);
		fputs(", \"gates\": ", out);
		json_str(out, g);
		fputs(", \"gating\": ", out);
		json_str(out, gt);
		fprintf(out, ", \"query_count\": %d", ft->query.n);
		json_sites(out, "declared", "word", &ft->decl, mo);
		json_sites(out, "set", "function", &ft->set, mo);
		json_sites(out, "queries", "function", &ft->query, mo);
		json_sites(out, "cr4", "kind", &ft->gate, mo);
		fputs(", \"findings\": [", out);
		for (j = 0; j < ft->fs.n; j++) {
			fprintf(out, "%s{\"check\": ", j ? ", " : "");
			json_str(out, ft->fs.v[j].check);
			fputs(", \"file\": ", out);
			json_str(out, ft->fs.v[j].file);
			struct site at = { .file = ft->fs.v[j].file,
					   .line = ft->fs.v[j].line };
			char *u = site_url(&at, mo);

			fprintf(out, ", \"line\": %d, \"message\": ",
				ft->fs.v[j].line);
			json_str(out, ft->fs.v[j].message);
			if (u) {
				fputs(", \"url\": ", out);
				json_str(out, u);
			}
			fputc('}', out);
			free(u);
		}
		fputs("]}", out);
		free(a);
		free(g);
		free(gt);
	}
	fprintf(out, "\n], \"findings\": %d}\n", cm->fs.n);
}

static const char html_head[] =
"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
"<title>cpuidcheck map</title>\n<style>\n"
"body{font:13px sans-serif;margin:1em}\n"
"table{border-collapse:collapse;width:100%}\n"
"td:nth-child(-n+3){white-space:nowrap}\n"
"th,td{border:1px solid #ccc;padding:2px 6px;vertical-align:top}\n"
"th{background:#eee;cursor:pointer;position:sticky;top:0}\n"
"th[aria-sort=ascending]::after{content:\" \\25b2\"}\n"
"th[aria-sort=descending]::after{content:\" \\25bc\"}\n"
"td.f{background:#fdd;white-space:pre-line}\n"
"label{margin-right:1em}\n"
"code{font-size:12px}\n</style></head><body>\n"
"<h1>KVM CPUID capability map</h1>\n<p id=\"what\"></p>\n"
"<p><input id=\"filter\" placeholder=\"filter (any column)\" size=\"40\">\n"
"<label>wrapper <select id=\"f-wrapper\"></select></label>\n"
"<label>code <select id=\"f-vendor\"></select></label>\n"
"<label>queried <select id=\"f-query\"></select></label>\n"
"<label>findings <select id=\"f-findings\"></select></label>\n"
"<span id=\"count\"></span></p>\n<table id=\"map\"><thead><tr>\n"
"<th>feature</th><th>word</th><th>CPUID place</th><th>declared</th>\n"
"<th>advertised</th><th>set sites</th><th>queries</th><th>query sites</th>\n"
"<th>CR4</th><th>findings</th>\n"
"</tr></thead><tbody></tbody></table>\n<script>\nconst MAP = ";

/*
 * The page's script.  A cell is a list of parts: text, or a site
 * {text, url} that is a link when cpuidcheck map --link gave it an
 * address.  The filters: wrapper (how it is declared), code (vendor
 * directory of any declaration, set or query site: vmx, tdx, svm, sev,
 * common), queried (guest: guest_* and governed-feature APIs; host:
 * KVM's own capabilities, kvm_cpu_cap_*; entry: cpuid_entry_* on a raw
 * entry) and findings (by check).
 */
static const char html_tail[] =
";\n"
"const tb = document.querySelector('#map tbody');\n"
"const short = p => p.replace('arch/x86/kvm/', '');\n"
"const site = s => ({text: short(s.file) + ':' + s.line, url: s.url});\n"
"const join = (l, sep) => l.flatMap((x, i) => i ? [sep].concat(x) : x);\n"
"const cols = f => [[f.name], [f.word || ''], [f.place || ''],\n"
" join(f.declared.map(d => [d.api + ' ', site(d)]), '; '),\n"
" [f.advertised], join(f.set.map(d => [d.api + ' ', site(d)]), '; '),\n"
" [String(f.query_count)], join(f.queries.map(q => [site(q)]), ' '),\n"
" [f.gating], join(f.findings.map(x => [{text: '[' + x.check + ']',\n"
" url: x.url}, ' ' + x.message]), '\\n')];\n"
"const vendor = p => { p = short(p);\n"
" if (/^vmx\\/tdx/.test(p)) return 'tdx';\n"
" if (/^svm\\/sev/.test(p)) return 'sev';\n"
" const m = p.match(/^(vmx|svm)\\//); return m ? m[1] : 'common'; };\n"
"const qkind = a => /^(guest_|kvm_governed_)/.test(a) ? 'guest' :\n"
" /^kvm_cpu_cap_/.test(a) ? 'host' : 'entry';\n"
"const facets = f => ({\n"
" wrapper: f.declared.length ? f.declared.map(d => d.api) :\n"
"  ['(not declared)'],\n"
" vendor: f.declared.concat(f.set, f.queries).map(s => vendor(s.file)),\n"
" query: f.queries.length ? f.queries.map(q => qkind(q.api)) :\n"
"  ['(never)'],\n"
" findings: f.findings.length ? f.findings.map(x => x.check) :\n"
"  ['(none)']});\n"
"let rows = MAP.features.map(f => {\n"
" const tr = document.createElement('tr');\n"
" cols(f).forEach((parts, i) => { const td = document.createElement('td');\n"
"  parts.forEach(p => { if (typeof p == 'string') td.append(p);\n"
"   else if (p.url) { const a = document.createElement('a');\n"
"    a.href = p.url; a.textContent = p.text; td.append(a); }\n"
"   else td.append(p.text); });\n"
"  if (i == 9 && td.textContent) td.className = 'f';\n"
"  tr.appendChild(td); });\n"
" tr.dataset.text = tr.textContent.toLowerCase();\n"
" tr.facets = facets(f); return tr; });\n"
"const sel = {wrapper: 'f-wrapper', vendor: 'f-vendor', query: 'f-query',\n"
" findings: 'f-findings'};\n"
"for (const k in sel) { const s = document.getElementById(sel[k]);\n"
" const seen = [...new Set(rows.flatMap(r => r.facets[k]))].sort();\n"
" ['(any)'].concat(seen).forEach(v => { const o =\n"
"  document.createElement('option'); o.value = o.textContent = v;\n"
"  s.appendChild(o); }); s.onchange = show; }\n"
"let key = -1, dir = 1;\n"
"function show() {\n"
" const q = document.getElementById('filter').value.toLowerCase();\n"
" const want = {}; for (const k in sel)\n"
"  want[k] = document.getElementById(sel[k]).value;\n"
" let n = 0; tb.textContent = '';\n"
" rows.forEach(tr => { if (tr.dataset.text.includes(q) &&\n"
"  Object.keys(sel).every(k => want[k] == '(any)' ||\n"
"   tr.facets[k].includes(want[k]))) {\n"
"  tb.appendChild(tr); n++; } });\n"
" document.getElementById('count').textContent = n + ' of ' +\n"
"  rows.length + ' features';\n"
"}\n"
"const ths = document.querySelectorAll('#map th');\n"
"ths.forEach((th, i) => th.onclick = () => {\n"
" dir = key == i ? -dir : 1; key = i;\n"
" ths.forEach((h, j) => j == i ? h.setAttribute('aria-sort', dir > 0 ?\n"
"  'ascending' : 'descending') : h.removeAttribute('aria-sort'));\n"
" rows.sort((a, b) => { const x = a.cells[i].textContent,\n"
"  y = b.cells[i].textContent; return dir * (i == 6 ? x - y :\n"
"  x.localeCompare(y)); }); show(); });\n"
"const f = document.getElementById('filter');\n"
"f.oninput = show;\n"
"const m = location.hash.match(/filter=([^&]*)/);\n"
"if (m) try { f.value = decodeURIComponent(m[1]); }\n"
" catch (e) { f.value = m[1]; }\n"
"const s = location.hash.match(/sort=(\\d+)/);\n"
"if (s && ths[+s[1]]) ths[+s[1]].click();\n"
"document.getElementById('what').textContent = MAP.tree + ' (' +\n"
" MAP.era + ' era), ' + MAP.findings + ' findings';\n"
"show();\n</script></body></html>\n";

static void print_map_html(FILE *out, const struct capmap *cm,
			   const struct map_output *mo)
{
	char *json = NULL, *p;
	size_t len = 0;
	FILE *mem = open_memstream(&json, &len);

	print_map_json(mem, cm, mo);
	fclose(mem);
	fputs(html_head, out);
	/*
	 * No "</script" or "<!--" inside the script element: '<' occurs
	 * only in JSON strings, where \u003c means the same.
	 */
	for (p = json; *p; p++) {
		if (*p == '<')
			fputs("\\u003c", out);
		else
			fputc(*p, out);
	}
	fputs(html_tail, out);
	free(json);
}

void print_map(FILE *out, const struct capmap *cm, const struct map_output *mo)
{
	if (mo->format == FMT_JSON)
		print_map_json(out, cm, mo);
	else if (mo->format == FMT_HTML)
		print_map_html(out, cm, mo);
	else
		print_map_text(out, cm, mo);
}
