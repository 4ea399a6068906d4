// SPDX-License-Identifier: GPL-2.0
/*
 * Tree mode: find the kernel tree, get kbuild's exact compile command for
 * each unit of arch/x86/kvm/ from a one-time build (the user's --build, or
 * a scratch build cached under $XDG_CACHE_HOME/cpuidcheck/builds/), then
 * run every unit syntax-only with the plugin, in parallel, and merge.
 *
 * Scratch builds: a tree configured in place (it has a .config) cannot
 * take O=, so it is copied (hard links to its pristine sources, real
 * copies of arch/x86/kvm, virt/kvm and everything `make prepare` wrote)
 * and the copy builds arch/x86/kvm once; a clean tree gets an O= build of
 * defconfig + data/kvm.config (KVM and every option that adds a KVM
 * unit: SEV, SGX, TDX, Xen, ...).  Only the compile commands are
 * kept; the units are then compiled from the user's own sources, so the
 * tree is never written and edits are always seen.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cpuidcheck.h"

extern const char *output_root;

struct unit {
	char *src;	/* as kbuild names it */
	char *cmd;	/* the compile command, without -c -o and deps */
	char *log;
	pid_t pid;
	int status;
};

/* Walk up from @path to the directory holding a kernel tree. */
char *tree_root(const char *path)
{
	char *r = realpath(path, NULL), *p;

	if (!r)
		die("%s: %s", path, strerror(errno));
	if (!is_dir(r))
		die("%s: not a directory", path);
	for (;;) {
		char *mk = xasprintf("%s/Makefile", r);
		char *kc = xasprintf("%s/Kconfig", r);
		char *inc = xasprintf("%s/include/linux/kernel.h", r);
		bool ok = is_file(mk) && is_file(kc) && is_file(inc);

		free(mk);
		free(kc);
		free(inc);
		if (ok)
			return r;
		p = strrchr(r, '/');
		if (!p || p == r)
			break;
		*p = '\0';
	}
	die("%s: not a kernel source tree (no Makefile, Kconfig and include/linux/kernel.h here or above)",
	    path);
	return NULL;
}

char *plugin_path(const struct options *o)
{
	const char *e = getenv("CPUIDCHECK_PLUGIN");
	char *p;

	if (o->plugin)
		return xstrdup(o->plugin);
	if (e && *e)
		return xstrdup(e);
	p = find_part("plugin/cpuidcheck_plugin.so",
		      "lib/cpuidcheck/cpuidcheck_plugin.so");
	if (!p)
		die("cannot find cpuidcheck_plugin.so (build it with make, or set CPUIDCHECK_PLUGIN)");
	return p;
}

/* ---- the .cpuidcheck file ---- */

static char *suppress_text;

/*
 * KSRC/.cpuidcheck, one directive a line, '#' comments:
 *   suppress CHECK SUBJECT [why]    acknowledged policy
 *   disable CHECK[,CHECK...]        checks not to run
 */
void load_tree_config(struct options *o, const char *ksrc)
{
	char *path = xasprintf("%s/.cpuidcheck", ksrc);
	char *text = read_file(path, NULL), *line, *save = NULL;
	struct sbuf sup = { 0 };
	int n = 0;

	if (!text || o->no_config) {
		free(path);
		free(text);
		return;
	}
	sb_add(&sup, "", 0);
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char word[32], a[64], b[64];
		char *hash = strchr(line, '#');
		int k;

		n++;
		if (hash)
			*hash = '\0';
		k = sscanf(line, "%31s %63s %63s", word, a, b);
		if (k <= 0)
			continue;
		if (!strcmp(word, "suppress") && k == 3 &&
		    starts_with(a, "cpuid-")) {
			sb_printf(&sup, "%s %s\n", a, b);
		} else if (!strcmp(word, "disable") && k >= 2) {
			size_t l = strlen(o->disable);

			snprintf(o->disable + l, sizeof(o->disable) - l,
				 "%s%s", l ? "," : "", a);
		} else {
			die("%s: line %d: expected 'suppress CHECK SUBJECT [why]' or 'disable CHECK'",
			    path, n);
		}
	}
	suppress_text = sup.s;
	free(text);
	free(path);
}

/* ---- the scratch build ---- */

static int jobs_of(const struct options *o)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return o->jobs > 0 ? o->jobs : n > 0 ? n : 2;
}

static const char *make_cc(const struct options *o)
{
	static char buf[512];
	const char *cc = getenv("CPUIDCHECK_CC");

	if (!cc || !*cc)
		return "";
	snprintf(buf, sizeof(buf), " CC=%s HOSTCC=%s", cc, cc);
	(void)o;
	return buf;
}

static char *file_hash(const char *path)
{
	char *t = read_file(path, NULL);
	char *h = xasprintf("%016llx", hash_str(t ? t : "-", 0));

	free(t);
	return h;
}

/*
 * "-e SYM -e SYM ..." for scripts/config from data/kvm.config: the options
 * that make a defconfig build compile all of KVM's units.
 */
static char *kvm_config_opts(void)
{
	char *path = find_part("data/kvm.config",
			       "share/cpuidcheck/data/kvm.config");
	char *text = path ? read_file(path, NULL) : NULL, *line, *save = NULL;
	struct sbuf out = { 0 };

	if (!text)
		die("cannot read cpuidcheck's data/kvm.config%s",
		    path ? "" : " (not installed?)");
	sb_add(&out, "", 0);
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		line[strcspn(line, "# \t")] = '\0';
		if (*line)
			sb_printf(&out, " -e %s", line);
	}
	free(text);
	free(path);
	return out.s;
}

/* What a cached build depends on: compiler, config, the set of units. */
static char *build_stamp(const char *ksrc, const struct options *o)
{
	const char *cc = o->cc ? o->cc : DEFAULT_CC;
	char *q = shell_quote(cc), *cmd, *ver, *units, *cfg, *mk, *s;

	cmd = xasprintf("%s --version 2>/dev/null | head -1", q);
	ver = run_capture(NULL, cmd, NULL);
	free(cmd);
	units = run_capture(ksrc,
		"find arch/x86/kvm virt/kvm -name '*.c' -o -name Makefile | sort",
		NULL);
	s = xasprintf("%s/.config", ksrc);
	if (is_file(s)) {
		cfg = file_hash(s);
	} else {
		char *opts = kvm_config_opts();

		cfg = xasprintf("defconfig%s", opts);
		free(opts);
	}
	free(s);
	s = xasprintf("%s/arch/x86/kvm/Makefile", ksrc);
	mk = file_hash(s);
	free(s);
	s = xasprintf("cpuidcheck-build 1\ncc %sconfig %s\nunits %016llx\nmakefile %s\n",
		      ver, cfg, hash_str(units, 0), mk);
	free(q);
	free(ver);
	free(units);
	free(cfg);
	free(mk);
	return s;
}

static void progress(const char *fmt, const char *arg)
{
	if (!isatty(2))
		return;
	fprintf(stderr, "\r\033[K%s: ", prog);
	fprintf(stderr, fmt, arg);
}

static void progress_done(void)
{
	if (isatty(2))
		fprintf(stderr, "\r\033[K");
}

static int build_scratch(const char *ksrc, const char *key, bool in_place,
			 const struct options *o, const char *log)
{
	char *qs = shell_quote(ksrc), *qk = shell_quote(key), *cmd;
	char *opts = in_place ? NULL : kvm_config_opts();
	int rc;

	if (in_place)
		cmd = xasprintf(
			"set -e; src=%s; dst=%s/tree\n"
			"cp -al \"$src\" \"$dst\" 2>/dev/null || { rm -rf \"$dst\"; cp -a \"$src\" \"$dst\"; }\n"
			"for d in arch/x86/kvm virt/kvm; do rm -rf \"$dst/$d\"; cp -a \"$src/$d\" \"$dst/$d\"; done\n"
			"find \"$dst/arch/x86/kvm\" \"$dst/virt/kvm\" -type f \\( -name '*.o' -o -name '.*.cmd' -o -name '*.a' -o -name '*.ko' -o -name '*.mod*' -o -name '.*.d' \\) -delete\n"
			"ref=$(( $(stat -c %%Y \"$src/.config\") - 3600 ))\n"
			"(cd \"$src\" && find . -type f -newermt \"@$ref\" ! -path './arch/x86/kvm/*' ! -path './virt/kvm/*' -print0 | xargs -0 -r cp -p --parents --remove-destination -t \"$dst\")\n"
			"cd \"$dst\"\n"
			"make%s olddefconfig </dev/null\n"
			"make -k -j%d%s arch/x86/kvm/ </dev/null || true\n",
			qs, qk, make_cc(o), jobs_of(o), make_cc(o));
	else
		cmd = xasprintf(
			"set -e; src=%s; dst=%s/obj\n"
			"mkdir -p \"$dst\"\n"
			"make -C \"$src\" O=\"$dst\"%s defconfig </dev/null\n"
			"\"$src/scripts/config\" --file \"$dst/.config\"%s\n"
			"make -C \"$src\" O=\"$dst\"%s olddefconfig </dev/null\n"
			"make -C \"$src\" O=\"$dst\" -k -j%d%s arch/x86/kvm/ </dev/null || true\n",
			qs, qk, make_cc(o), opts, make_cc(o), jobs_of(o),
			make_cc(o));
	rc = run_shell(NULL, cmd, log);
	free(opts);
	free(cmd);
	free(qs);
	free(qk);
	return rc;
}

/* The first command line of a .cmd file, made syntax-only. */
static struct unit *unit_from_cmd(const char *cmdfile)
{
	char *text = read_file(cmdfile, NULL), *line, *src = NULL, *p;
	struct sbuf out = { 0 };
	struct unit *u;
	char *save = NULL, *tok;
	bool skip_next = false;

	if (!text)
		return NULL;
	line = text;
	p = strstr(text, "\nsource_");
	if (p) {
		char *e;

		p = strstr(p, " := ");
		if (p) {
			p += 4;
			e = p + strcspn(p, "\n");
			src = strndup(p, e - p);
		}
	}
	if (!src || !ends_with(src, ".c") ||
	    (!starts_with(line, "savedcmd_") && !starts_with(line, "cmd_"))) {
		free(src);
		free(text);
		return NULL;
	}
	line[strcspn(line, "\n")] = '\0';
	p = strstr(line, " := ");
	if (!p) {
		free(src);
		free(text);
		return NULL;
	}
	sb_add(&out, "", 0);
	for (tok = strtok_r(p + 4, " \t", &save); tok;
	     tok = strtok_r(NULL, " \t", &save)) {
		if (skip_next) {
			skip_next = false;
			continue;
		}
		if (starts_with(tok, "-Wp,-MMD,") || starts_with(tok, "-Wp,-MD,") ||
		    !strcmp(tok, "-c"))
			continue;
		if (!strcmp(tok, "-o")) {
			skip_next = true;
			continue;
		}
		if (!strcmp(tok, src))
			break;
		sb_printf(&out, "%s%s", out.len ? " " : "", tok);
	}
	u = xmalloc(sizeof(*u));
	memset(u, 0, sizeof(*u));
	u->src = src;
	u->cmd = out.s;
	free(text);
	return u;
}

static struct unit **units_of(const char *objtree, int *n)
{
	char *q = shell_quote(objtree);
	char *cmd = xasprintf("cd %s && find arch/x86/kvm virt/kvm -name '.*.o.cmd' 2>/dev/null | sort",
			      q);
	char *list = run_capture(NULL, cmd, NULL), *line, *save = NULL;
	struct unit **v = NULL;

	*n = 0;
	for (line = strtok_r(list, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *path = xasprintf("%s/%s", objtree, line);
		struct unit *u = unit_from_cmd(path);

		free(path);
		if (!u)
			continue;
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = u;
	}
	free(list);
	free(cmd);
	free(q);
	return v;
}

/* Save the units: one "SRC\tCMD" a line. */
static bool save_units(const char *path, struct unit **v, int n)
{
	struct sbuf b = { 0 };
	bool ok;
	int i;

	sb_add(&b, "", 0);
	for (i = 0; i < n; i++)
		sb_printf(&b, "%s\t%s\n", v[i]->src, v[i]->cmd);
	ok = write_file(path, b.s, b.len);
	free(b.s);
	return ok;
}

static struct unit **load_units(const char *path, int *n)
{
	char *text = read_file(path, NULL), *line, *save = NULL;
	struct unit **v = NULL;

	*n = 0;
	if (!text)
		return NULL;
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *tab = strchr(line, '\t');
		struct unit *u;

		if (!tab)
			continue;
		u = xmalloc(sizeof(*u));
		memset(u, 0, sizeof(*u));
		u->src = strndup(line, tab - line);
		u->cmd = xstrdup(tab + 1);
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = u;
	}
	free(text);
	return v;
}

/*
 * The units and the directory their commands run in: the user's --build,
 * or the cached scratch build for @ksrc (made now if missing or stale).
 */
static struct unit **get_units(const struct options *o, const char *ksrc,
			       char **cwd, int *n)
{
	char *cache, *builds, *key, *stamp, *stamp_path, *units_path, *old;
	char *gen, *log, *base;
	struct unit **v;
	bool in_place;

	if (o->build) {
		char *b = realpath(o->build, NULL), *cfg;

		if (!b)
			die("--build %s: %s", o->build, strerror(errno));
		cfg = xasprintf("%s/.config", b);
		if (!is_file(cfg))
			die("--build %s: not a configured kernel build (no .config)",
			    o->build);
		free(cfg);
		v = units_of(b, n);
		if (!*n) {
			char *q = shell_quote(b);
			char *cmd = xasprintf("make -C %s -k -j%d%s arch/x86/kvm/ </dev/null >&2",
					      q, jobs_of(o), make_cc(o));

			note("building arch/x86/kvm/ once in %s", b);
			run_shell(NULL, cmd, NULL);
			free(cmd);
			free(q);
			v = units_of(b, n);
		}
		if (!*n)
			die("--build %s: no compiled units of arch/x86/kvm/ (is KVM enabled in its .config?)",
			    o->build);
		*cwd = b;
		return v;
	}

	cache = cache_dir();
	builds = xasprintf("%s/builds", cache);
	if (mkdir_p(builds) || access(builds, W_OK))
		die("cache %s is not writable (set CPUIDCHECK_CACHE or XDG_CACHE_HOME)",
		    builds);
	base = strrchr(ksrc, '/');
	key = xasprintf("%s/%s-%016llx", builds, base ? base + 1 : "tree",
			hash_str(ksrc, 0));
	stamp = build_stamp(ksrc, o);
	stamp_path = xasprintf("%s/stamp", key);
	units_path = xasprintf("%s/units", key);
	gen = xasprintf("%s/.config", ksrc);
	in_place = is_file(gen);
	free(gen);
	old = read_file(stamp_path, NULL);
	if (o->rebuild || !old || strcmp(old, stamp) || !is_file(units_path)) {
		int rc;

		rm_rf(key);
		if (mkdir_p(key))
			die("cannot create %s", key);
		log = xasprintf("%s.log", key);
		progress("%s", "one-time build of arch/x86/kvm/ (a few minutes)...");
		if (!isatty(2))
			note("one-time build of arch/x86/kvm/ for %s in %s",
			     ksrc, key);
		rc = build_scratch(ksrc, key, in_place, o, log);
		progress_done();
		v = units_of(in_place ? xasprintf("%s/tree", key) :
			     xasprintf("%s/obj", key), n);
		if (rc || !*n) {
			rm_rf(key);
			die("the one-time build of arch/x86/kvm/ failed; see %s",
			    log);
		}
		if (!save_units(units_path, v, *n) ||
		    !write_file(stamp_path, stamp, strlen(stamp))) {
			rm_rf(key);
			die("cannot write %s", key);
		}
		unlink(log);
		free(log);
	} else {
		v = load_units(units_path, n);
	}
	free(old);
	/* a prepared in-place tree compiles its own sources read-only */
	gen = xasprintf("%s/include/generated/autoconf.h", ksrc);
	if (in_place && is_file(gen))
		*cwd = xstrdup(ksrc);
	else
		*cwd = xasprintf("%s/%s", key, in_place ? "tree" : "obj");
	free(gen);
	free(stamp);
	free(stamp_path);
	free(units_path);
	free(builds);
	free(cache);
	free(key);
	return v;
}

/* ---- paths in diagnostics ---- */

/* Lexical normalisation of @path seen from @cwd. */
static char *normalize(const char *path, const char *cwd)
{
	char *full = path[0] == '/' ? xstrdup(path) :
		     xasprintf("%s/%s", cwd, path);
	char **parts = xmalloc(sizeof(char *) * (strlen(full) + 1));
	char *save = NULL, *t;
	struct sbuf b = { 0 };
	int n = 0, i;

	for (t = strtok_r(full, "/", &save); t; t = strtok_r(NULL, "/", &save)) {
		if (!strcmp(t, "."))
			continue;
		if (!strcmp(t, "..")) {
			if (n)
				n--;
			continue;
		}
		parts[n++] = t;
	}
	sb_add(&b, "", 0);
	for (i = 0; i < n; i++)
		sb_printf(&b, "/%s", parts[i]);
	free(parts);
	free(full);
	return b.s;
}

/* A finding's file, relative to the tree (or the overlay standing in). */
static char *tree_relative(const char *file, const char *cwd,
			   const char *ksrc, const char *ovdir)
{
	char *abs = normalize(file, cwd), *r;
	size_t k = strlen(ksrc);

	if (ovdir && starts_with(abs, ovdir) && abs[strlen(ovdir)] == '/')
		r = xstrdup(abs + strlen(ovdir) + 1);
	else if (!strncmp(abs, ksrc, k) && abs[k] == '/')
		r = xstrdup(abs + k + 1);
	else
		r = xstrdup(abs);
	free(abs);
	return r;
}

/* ---- overlays (patch mode) ---- */

/* Rewrite @cmd so files in @ov replace the tree's. */
static char *overlay_cmd(const char *cmd, const char *src, const char *cwd,
			 const char *ksrc, const char *ov, char **srcout)
{
	char *copy = xstrdup(cmd), *save = NULL, *tok;
	struct sbuf b = { 0 };
	bool next_is_dir = false, next_is_file = false;

	sb_add(&b, "", 0);
	for (tok = strtok_r(copy, " ", &save); tok;
	     tok = strtok_r(NULL, " ", &save)) {
		const char *dir = NULL;

		if (next_is_dir || next_is_file) {
			char *rel = tree_relative(tok, cwd, ksrc, NULL);
			char *alt = xasprintf("%s/%s", ov, rel);

			if (next_is_dir && is_dir(alt))
				sb_printf(&b, " -I%s -I %s", alt, tok);
			else if (next_is_file && is_file(alt))
				sb_printf(&b, " %s", alt);
			else
				sb_printf(&b, " %s", tok);
			free(rel);
			free(alt);
			next_is_dir = next_is_file = false;
			continue;
		}
		if (!strcmp(tok, "-I")) {
			next_is_dir = true;
			continue;
		}
		if (!strcmp(tok, "-include")) {
			sb_puts(&b, " -include");
			next_is_file = true;
			continue;
		}
		if (starts_with(tok, "-I"))
			dir = tok + 2;
		if (dir) {
			char *rel = tree_relative(dir, cwd, ksrc, NULL);
			char *alt = xasprintf("%s/%s", ov, rel);

			if (is_dir(alt))
				sb_printf(&b, " -I%s", alt);
			free(rel);
			free(alt);
		}
		sb_printf(&b, "%s%s", b.len ? " " : "", tok);
	}
	free(copy);
	{
		char *rel = tree_relative(src, cwd, ksrc, NULL);
		char *alt = xasprintf("%s/%s", ov, rel);

		*srcout = is_file(alt) ? alt : xstrdup(src);
		if (*srcout != alt)
			free(alt);
		free(rel);
	}
	return b.s;
}

/* ---- running the units ---- */


static bool plugin_records(const char *cc, const char *plugin,
			   const char *rundir)
{
	char *qc = shell_quote(cc), *qp = shell_quote(plugin);
	char *qr = shell_quote(rundir);
	char *cmd = xasprintf("echo 'int cpuidcheck_probe;' | %s -fplugin=%s -fplugin-arg-cpuidcheck_plugin-record=%s -x c -fsyntax-only - >/dev/null 2>&1",
			      qc, qp, qr);
	bool ok = run_shell(NULL, cmd, NULL) == 0;

	free(cmd);
	free(qc);
	free(qp);
	free(qr);
	return ok;
}

/* Count the distinct suppressed findings the units recorded. */
static int count_recorded_suppressed(const char *dir)
{
	char *q = shell_quote(dir);
	char *cmd = xasprintf("cat %s/*.rec 2>/dev/null | awk -F '\\t' '$1 == \"finding\" && $7 == \"suppressed\" { print $4 \":\" $5 \":\" $6 \":\" $8 }' | sort -u | wc -l",
			      q);
	char *out = run_capture(NULL, cmd, NULL);
	int n = atoi(out);

	free(out);
	free(cmd);
	free(q);
	return n;
}

static void collect(struct unit *u, const char *cwd, const char *ksrc,
		    const char *ovdir, struct findings *fs, int *suppressed,
		    int *failed)
{
	char *text = read_file(u->log, NULL), *line, *save = NULL;
	char *first_error = NULL;

	if (!text)
		return;
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		struct finding f;
		int k;

		if (parse_finding_line(line, &f)) {
			char *rel = tree_relative(f.file, cwd, ksrc, ovdir);

			free(f.file);
			f.file = rel;
			findings_add(fs, &f);
		} else if (sscanf(line, "cpuidcheck: note: %d finding", &k) == 1) {
			*suppressed += k;
		} else if (!first_error && strstr(line, "error: ")) {
			first_error = line;
		}
	}
	if (u->status) {
		(*failed)++;
		note("note: %s did not compile%s%s", u->src,
		     first_error ? ": " : "", first_error ? first_error : "");
	}
	free(text);
}

/*
 * Append every unit's records to @out, the FILE fields made relative to
 * the tree as findings are (a file of the overlay counts as the tree's).
 */
static void keep_records(struct sbuf *out, const char *dir, const char *cwd,
			 const char *ksrc, const char *ovdir)
{
	char *q = shell_quote(dir);
	char *cmd = xasprintf("cat %s/*.rec 2>/dev/null", q);
	char *text = run_capture(NULL, cmd, NULL), *line, *save = NULL;

	sb_add(out, "", 0);
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *f[10], *p = line;
		int n = 0, i, file;

		while (n < 10) {
			f[n++] = p;
			p = strchr(p, '\t');
			if (!p)
				break;
			*p++ = '\0';
		}
		file = record_file_field(f[0]);
		for (i = 0; i < n; i++) {
			char *rel = NULL;

			if (i == file)
				rel = tree_relative(f[i], cwd, ksrc, ovdir);
			sb_printf(out, "%s%s", i ? "\t" : "",
				  rel ? rel : f[i]);
			free(rel);
		}
		/* a finding's message may hold tabs: keep the rest as is */
		if (p)
			sb_printf(out, "\t%s", p);
		sb_puts(out, "\n");
	}
	free(text);
	free(cmd);
	free(q);
}

/* @list without the checks the program runs itself (cpuid-undeclared) */
static char *plugin_disable(const char *list)
{
	char *l = xstrdup(list), *t, *save = NULL;
	struct sbuf b = { 0 };

	sb_add(&b, "", 0);
	for (t = strtok_r(l, ",", &save); t; t = strtok_r(NULL, ",", &save))
		if (strcmp(t, "cpuid-undeclared"))
			sb_printf(&b, "%s%s", b.len ? "," : "", t);
	free(l);
	return b.s;
}

static int run_plugin(const struct options *o, const char *ksrc,
		      const struct overlay *ov, struct findings *fs)
{
	char *cwd, *plugin = plugin_path(o), *cache = cache_dir();
	char *rundir, *tmpl, *pargs, *supfile = NULL;
	struct unit **v;
	int n, i, next = 0, running = 0, done = 0, jobs = jobs_of(o);
	int sup_notes = 0, failed = 0;
	bool rec;

	v = get_units(o, ksrc, &cwd, &n);
	tmpl = xasprintf("%s/run.XXXXXX", cache);
	rundir = mkdtemp(tmpl);
	if (!rundir)
		die("cannot create a run directory in %s: %s", cache,
		    strerror(errno));
	pargs = xasprintf(" -fplugin=%s", plugin);
	if (o->error) {
		char *t = xasprintf("%s -fplugin-arg-cpuidcheck_plugin-error",
				    pargs);

		free(pargs);
		pargs = t;
	}
	if (o->disable[0]) {
		char *d = plugin_disable(o->disable);
		char *t = *d ? xasprintf("%s -fplugin-arg-cpuidcheck_plugin-disable=%s",
					 pargs, d) : xstrdup(pargs);

		free(d);
		free(pargs);
		pargs = t;
	}
	if (suppress_text || o->nr_suppress) {
		struct sbuf b = { 0 };
		char *t;

		sb_add(&b, "", 0);
		if (suppress_text)
			sb_puts(&b, suppress_text);
		for (i = 0; i < o->nr_suppress; i++) {
			t = read_file(o->suppress[i], NULL);
			if (!t) {
				rm_rf(rundir);
				die("--suppress %s: %s", o->suppress[i],
				    strerror(errno));
			}
			sb_printf(&b, "%s\n", t);
			free(t);
		}
		supfile = xasprintf("%s/suppress", rundir);
		write_file(supfile, b.s, b.len);
		free(b.s);
		t = xasprintf("%s -fplugin-arg-cpuidcheck_plugin-suppress=%s",
			      pargs, supfile);
		free(pargs);
		pargs = t;
	}
	rec = (supfile || o->records) &&
	      plugin_records(o->cc ? o->cc : DEFAULT_CC, plugin, rundir);
	if (rec) {
		char *t = xasprintf("%s -fplugin-arg-cpuidcheck_plugin-record=%s",
				    pargs, rundir);

		free(pargs);
		pargs = t;
	}
	for (i = 0; i < n; i++) {
		char *src = NULL, *base = v[i]->cmd, *full;

		if (ov)
			base = overlay_cmd(v[i]->cmd, v[i]->src, cwd, ksrc,
					   ov->dir, &src);
		full = xasprintf("%s -fsyntax-only%s %s", base, pargs,
				 src ? src : v[i]->src);
		if (base != v[i]->cmd)
			free(base);
		free(src);
		free(v[i]->cmd);
		v[i]->cmd = full;
		v[i]->log = xasprintf("%s/%d.log", rundir, i);
	}
	while (done < n) {
		int status;
		pid_t pid;

		while (running < jobs && next < n) {
			v[next]->pid = spawn_shell(cwd, v[next]->cmd, v[next]->log);
			if (v[next]->pid < 0)
				die("cannot fork: %s", strerror(errno));
			running++;
			next++;
		}
		pid = wait(&status);
		if (pid < 0)
			break;
		for (i = 0; i < n; i++) {
			if (v[i]->pid != pid)
				continue;
			v[i]->status = WIFEXITED(status) ?
				WEXITSTATUS(status) : 128;
			running--;
			done++;
			progress("%s", "");
			if (isatty(2))
				fprintf(stderr, "[%d/%d] %s", done, n,
					v[i]->src);
			break;
		}
	}
	progress_done();
	for (i = 0; i < n; i++)
		collect(v[i], cwd, ksrc, ov ? ov->dir : NULL, fs, &sup_notes,
			&failed);
	fs->suppressed += rec ? count_recorded_suppressed(rundir) : sup_notes;
	if (rec && o->records)
		keep_records(o->records, rundir, cwd, ksrc,
			     ov ? ov->dir : NULL);
	rm_rf(rundir);
	for (i = 0; i < n; i++) {
		free(v[i]->src);
		free(v[i]->cmd);
		free(v[i]->log);
		free(v[i]);
	}
	free(v);
	free(tmpl);
	free(pargs);
	free(supfile);
	free(plugin);
	free(cache);
	free(cwd);
	return failed;
}

/* ---- the Coccinelle engine ---- */

static void run_cocci(const struct options *o, const char *ksrc,
		      const struct overlay *ov, struct findings *fs)
{
	char *sp = find_part("semantic-patches/cpuidcheck-cocci",
			     "share/cpuidcheck/semantic-patches/cpuidcheck-cocci");
	char *q, *cmd, *out, *line, *save = NULL;
	const char *root = ov ? ov->dir : ksrc;
	int status;

	if (!sp || access(sp, X_OK))
		die("--engine=cocci: the Coccinelle engine (semantic-patches/cpuidcheck-cocci) is not available");
	if (access("/usr/bin/spatch", X_OK) && run_shell(NULL,
			"command -v spatch >/dev/null", NULL))
		die("--engine=cocci: spatch (Coccinelle) is not installed");
	q = shell_quote(sp);
	cmd = xasprintf("CPUIDCHECK_TREE=%s %s -j %d arch/x86/kvm 2>&1",
			ksrc, q, jobs_of(o));
	free(q);
	out = run_capture(root, cmd, &status);
	if (status)
		die("--engine=cocci: %s failed (exit %d)", sp, status);
	for (line = strtok_r(out, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		struct finding f;
		struct sbuf b = { 0 };
		char *p = strchr(line, ':'), *c, *e;

		/* file:line:col-col: message [tag] -> GCC style */
		if (!p)
			continue;
		c = strchr(p + 1, ':');
		if (!c)
			continue;
		e = c + 1 + strspn(c + 1, "0123456789");
		sb_add(&b, line, e - line);
		if (*e == '-')
			e += 1 + strspn(e + 1, "0123456789");
		if (*e != ':') {
			free(b.s);
			continue;
		}
		sb_printf(&b, ": warning:%s", e + 1);
		if (parse_finding_line(b.s, &f)) {
			char *rel = tree_relative(f.file, root, root, NULL);

			if (f.column == 0)
				f.column = 1;
			else
				f.column++;
			free(f.file);
			f.file = rel;
			if (strstr(o->disable, f.check))
				finding_free(&f);
			else
				findings_add(fs, &f);
		}
		free(b.s);
	}
	free(out);
	free(sp);
}

int check_tree(struct options *o, const char *ksrc, const struct overlay *ov,
	       struct findings *fs)
{
	char *kvm = xasprintf("%s/arch/x86/kvm", ksrc);
	int failed = 0;

	if (!is_dir(kvm))
		die("%s: no arch/x86/kvm in this tree", ksrc);
	free(kvm);
	output_root = ksrc;
	if (!strcmp(o->engine, "cocci") || !strcmp(o->engine, "both"))
		run_cocci(o, ksrc, ov, fs);
	if (!strcmp(o->engine, "plugin") || !strcmp(o->engine, "both")) {
		struct sbuf rec = { 0 }, *keep = o->records;

		if (!keep)
			o->records = &rec;
		failed = run_plugin(o, ksrc, ov, fs);
		if (!strstr(o->disable, "cpuid-undeclared") && o->records->s)
			undeclared_check(o->records->s, ksrc,
					 ov ? ov->dir : NULL, fs);
		o->records = keep;
		free(rec.s);
	}
	findings_sort_unique(fs);
	return failed;
}
