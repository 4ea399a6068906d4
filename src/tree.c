// SPDX-License-Identifier: GPL-2.0
/*
 * The plugin engine: every unit of the tree (build.c) compiled
 * syntax-only with the plugin, in parallel, each result kept in the unit
 * cache (unitcache.c); the findings and the records collected, their
 * files relative to the tree (or the overlay of a patch standing in).
 */
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdarg.h>
#include <sys/file.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "checks.h"
#include "cpuidcheck.h"

/* ---- overlays (patch mode) ---- */

/*
 * @cmd's options (not its compiler) with the files and directories of @ov
 * standing in for the tree's.
 */
static void overlay_cmd(struct argv *out, const struct argv *cmd,
			const char *cwd, const char *ksrc, const char *ov)
{
	char *rel, *alt;
	int i;

	for (i = 1; i < cmd->n; i++) {
		const char *w = cmd->v[i], *dir = NULL, *file = NULL;

		if (!strcmp(w, "-I") && i + 1 < cmd->n) {
			av_add(out, w);
			dir = cmd->v[++i];
		} else if (starts_with(w, "-I") && w[2]) {
			dir = w + 2;
		} else if (!strcmp(w, "-include") && i + 1 < cmd->n) {
			av_add(out, w);
			file = cmd->v[++i];
		}
		if (!dir && !file) {
			av_add(out, w);
			continue;
		}
		rel = tree_relative(dir ? dir : file, cwd, ksrc, NULL);
		alt = xasprintf("%s/%s", ov, rel);
		if (dir) {
			/*
			 * The overlay's directory first, then the tree's.
			 * It is made if the patch has none, so a unit's
			 * command (its cache key) is the same whatever
			 * files a patch touches.
			 */
			mkdir_p(alt);
			av_addf(out, "-I%s", alt);
			av_addf(out, "-I%s", dir);
		} else {
			av_add(out, is_file(alt) ? alt : file);
		}
		free(rel);
		free(alt);
	}
}

/* @src, or the overlay's file standing in for it. */
static void overlay_source(struct argv *out, const char *src,
			   const char *cwd, const char *ksrc, const char *ov)
{
	char *rel = tree_relative(src, cwd, ksrc, NULL);
	char *alt = xasprintf("%s/%s", ov, rel);

	av_add(out, is_file(alt) ? alt : src);
	free(rel);
	free(alt);
}

/* ---- running the units ---- */

/* Compiles of code from outside (a patch) must not hang or eat the machine. */
static const struct limits unit_limits = {
	.cpu_seconds = 300, .wall_seconds = 600, .memory_mb = 4096,
	.file_mb = 64,
};

/* The first line of @log that says "error", else its first line. */
static char *first_error(const char *log)
{
	char *text = read_file(log, NULL), *line, *save = NULL, *r = NULL;

	for (line = text ? strtok_r(text, "\n", &save) : NULL; line;
	     line = strtok_r(NULL, "\n", &save)) {
		if (strstr(line, "error") || strstr(line, "Error")) {
			r = xstrdup(line);
			break;
		}
		if (!r)
			r = xstrdup(line);
	}
	free(text);
	if (!r)
		r = xstrdup("(no output)");
	return r;
}

/*
 * The plugin must load into the compiler before any unit is trusted to
 * have been checked: a plugin that does not load is an error, not "0
 * findings".
 */
static void probe_plugin(const char *cc, const char *plugin,
			 const char *rundir)
{
	char *src = xasprintf("%s/probe.c", rundir);
	char *log = xasprintf("%s/probe.log", rundir);
	char *parg = xasprintf("-fplugin=%s", plugin);
	struct run r = { .out = log };
	int st;

	write_file(src, "int cpuidcheck_probe;\n", 22);
	st = run_cmd(&r, cc, parg, "-fsyntax-only", src, NULL);
	if (st) {
		char *why = first_error(log);

		die("the plugin %s does not run in %s: %s", plugin, cc, why);
	}
	unlink(src);
	unlink(log);
	free(src);
	free(log);
	free(parg);
}

/* The records the units wrote into @dir, one text. */
char *read_records(const char *dir)
{
	struct sbuf b = { 0 };
	struct dirent *e;
	DIR *d = opendir(dir);
	char **names = NULL;
	int n = 0, i;

	sb_add(&b, "", 0);
	while (d && (e = readdir(d))) {
		if (!ends_with(e->d_name, ".rec"))
			continue;
		names = xrealloc(names, (n + 1) * sizeof(*names));
		names[n++] = xasprintf("%s/%s", dir, e->d_name);
	}
	if (d)
		closedir(d);
	for (i = 0; i < n; i++) {
		char *t = read_file(names[i], NULL);

		if (t)
			sb_puts(&b, t);
		free(t);
		free(names[i]);
	}
	free(names);
	return b.s;
}

/*
 * Append the units' records to @out, the FILE fields made relative to
 * the tree (a file of the overlay counts as the tree's).
 */
static void keep_records(struct sbuf *out, const char *records,
			 const char *cwd, const char *ksrc, const char *ovdir)
{
	char *text = xstrdup(records), *line, *save = NULL;

	sb_add(out, "", 0);
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *f[11];
		int n = record_split(line, f, 11), i, file;

		/* the last field holds the rest of the line */
		file = record_file_field(f[0]);
		for (i = 0; i < n; i++) {
			char *rel = NULL;

			if (i == file)
				rel = tree_relative(f[i], cwd, ksrc, ovdir);
			sb_printf(out, "%s%s", i ? "\t" : "",
				  rel ? rel : f[i]);
			free(rel);
		}
		sb_puts(out, "\n");
	}
	free(text);
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

/* The plugin's arguments for this run, in @a. */
static void plugin_args(struct argv *a, const struct options *o,
			const char *plugin, const char *rundir)
{
	char *sup;

	av_addf(a, "-fplugin=%s", plugin);
	if (o->error)
		av_add(a, "-fplugin-arg-cpuidcheck_plugin-error");
	if (o->disable[0]) {
		char *d = plugin_disable(o->disable);

		if (*d)
			av_addf(a, "-fplugin-arg-cpuidcheck_plugin-disable=%s",
				d);
		free(d);
	}
	sup = write_suppressions(o, rundir);
	if (sup)
		av_addf(a, "-fplugin-arg-cpuidcheck_plugin-suppress=%s", sup);
	free(sup);
}

/*
 * What a unit's result depends on besides its command and files: the
 * compiler, the plugin and the suppressions.  A file a patch's overlay
 * adds may shadow another on the include path: the cache checks that
 * when it validates a result (unitcache.c).
 */
static char *key_extra(const char *cc, const char *plugin,
		       const char *rundir)
{
	char *sup = xasprintf("%s/suppress", rundir), *ver, *s;
	char *sup_text = read_file(sup, NULL);

	ver = capture_cmd(NULL, NULL, cc, "--version", NULL);
	ver[strcspn(ver, "\n")] = '\0';
	s = xasprintf("cc %s\nplugin %s\nsuppress %016llx %zu\n",
		      ver, file_id(plugin, rundir),
		      hash_str(sup_text ? sup_text : "", 0),
		      sup_text ? strlen(sup_text) : 0);
	free(ver);
	free(sup);
	free(sup_text);
	return s;
}

static char *unit_path(const char *rundir, int i, const char *what)
{
	return xasprintf("%s/%d%s", rundir, i, what);
}

/* Keep a compiled unit's result for the next run. */
static void keep_result(struct unit *u, int i, const char *cwd,
			const char *ovdir, const char *rundir)
{
	char *recdir = unit_path(rundir, i, ".rec.d");
	char *dep = unit_path(rundir, i, ".d");
	char *log = read_file(u->log, NULL), *rec = read_records(recdir);

	if (log)
		unitcache_put(u->key, dep, cwd, ovdir, rundir, log, rec,
			      &u->started);
	free(log);
	free(rec);
	free(dep);
	free(recdir);
}

/*
 * Run @v's commands (those not taken from the cache), @jobs at a time.
 * Each result is kept as soon as its compile ends, so a run that is
 * interrupted leaves the units it finished in the cache.
 */
static void run_units(struct unit **v, int n, int jobs, const char *cwd,
		      const char *ovdir, const char *rundir)
{
	int next = 0, running = 0, done = 0, i;

	while (done < n) {
		int status;
		pid_t pid;

		while (running < jobs && next < n && v[next]->cached) {
			next++;
			done++;
		}
		if (done == n)
			break;
		while (running < jobs && next < n && !v[next]->cached) {
			struct run r = { .cwd = cwd, .out = v[next]->log,
					 .limits = &unit_limits };

			clock_gettime(CLOCK_REALTIME, &v[next]->started);
			v[next]->pid = spawn_argv(v[next]->run.v, &r);
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
			/* the same bookkeeping as wait_child() */
			kill(-pid, SIGKILL);
			v[i]->status = WIFEXITED(status) ?
				WEXITSTATUS(status) : 128 + WTERMSIG(status);
			if (!v[i]->status)
				keep_result(v[i], i, cwd, ovdir, rundir);
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
}

/*
 * The unit's result from the cache, written where a compile would have
 * put it; or the options that make the compile give what the cache keeps
 * (its dependency list, its records in a directory of its own).
 */
static void take_or_prepare(struct unit *u, int i, bool rebuild,
			    const char *ovdir, const char *shadows,
			    const char *rundir)
{
	char *recdir = unit_path(rundir, i, ".rec.d"), *log, *rec, *t;

	mkdir_p(recdir);
	if (!rebuild && unitcache_get(u->key, ovdir, shadows, rundir, &log,
					   &rec)) {
		t = xasprintf("%s/cached.rec", recdir);
		u->cached = write_file(u->log, log, strlen(log)) &&
			    write_file(t, rec, strlen(rec));
		free(t);
		free(log);
		free(rec);
	}
	if (!u->cached) {
		av_add(&u->run, "-MD");
		av_add(&u->run, "-MF");
		t = unit_path(rundir, i, ".d");
		av_add(&u->run, t);
		free(t);
		av_addf(&u->run, "-fplugin-arg-cpuidcheck_plugin-record=%s",
			recdir);
	}
	free(recdir);
}

/*
 * Say why @u was not checked: the unit does not compile at all, or it
 * compiles without the plugin and the plugin broke it.
 */
static char *first_failure;

/* The first unit the last check_tree() could not check, and why. */
const char *check_failure(void)
{
	return first_failure ? first_failure : "?";
}

static char *explain_failure(struct unit *u, const char *cwd,
			     const char *ksrc, const char *ovdir,
			     const char *plain_log)
{
	struct run r = { .cwd = cwd, .out = plain_log,
			 .limits = &unit_limits };
	char *why = first_error(u->log), *unit, *err, *s;
	struct argv plain = { 0 };
	int i;

	for (i = 0; i < u->run.n; i++)
		if (!starts_with(u->run.v[i], "-fplugin"))
			av_add(&plain, u->run.v[i]);
	unit = tree_relative(u->src, cwd, ksrc, NULL);
	/* the overlay's paths read as the tree's */
	err = ovdir ? xasprintf("%s/", ovdir) : NULL;
	s = err && strstr(why, err) ? strstr(why, err) + strlen(err) : why;
	if (run_argv(plain.v, &r) == 0)
		s = xasprintf("%s: cpuidcheck's plugin failed on it (it compiles without): %s",
			      unit, s);
	else
		s = xasprintf("%s: %s", unit, s);
	av_free(&plain);
	free(unit);
	free(err);
	free(why);
	return s;
}

int run_plugin(const struct options *o, const char *ksrc,
	       const struct overlay *ov, struct findings *fs)
{
	char *cwd, *plugin = plugin_path(o), *rundir, *records, *extra;
	const char *shadows;
	const char *cc = o->cc ? o->cc : DEFAULT_CC;
	const char *ovdir = ov ? ov->dir : NULL;
	struct argv pargs = { 0 }, **cmds;
	struct sbuf kept = { 0 };
	struct unit **v;
	int n, i, failed = 0, probed = 0;
	char **keys;

	v = get_units(o, ksrc, &cwd, &n);
	if (!n)
		die("%s: no KVM unit to check", ksrc);
	rundir = scratch_dir("run");
	plugin_args(&pargs, o, plugin, rundir);
	unitcache_forget();
	extra = key_extra(cc, plugin, rundir);
	cmds = xmalloc(n * sizeof(*cmds));
	for (i = 0; i < n; i++) {
		struct argv *r = &v[i]->run;
		int k;

		/* kbuild's compiler word gives way to the plugin's GCC */
		av_add(r, cc);
		if (ov)
			overlay_cmd(r, &v[i]->cmd, cwd, ksrc, ov->dir);
		else
			for (k = 1; k < v[i]->cmd.n; k++)
				av_add(r, v[i]->cmd.v[k]);
		av_add(r, "-fsyntax-only");
		for (k = 0; k < pargs.n; k++)
			av_add(r, pargs.v[k]);
		if (ov)
			overlay_source(r, v[i]->src, cwd, ksrc, ov->dir);
		else
			av_add(r, v[i]->src);
		v[i]->log = xasprintf("%s/%d.log", rundir, i);
		cmds[i] = r;
	}
	keys = unit_keys(cmds, n, ovdir, rundir, extra);
	shadows = ov ? ov->shadows : NULL;
	if (!o->rebuild)
		unitcache_prepare(keys, n, ovdir, rundir);
	for (i = 0; i < n; i++) {
		v[i]->key = keys[i];
		take_or_prepare(v[i], i, o->rebuild, ovdir, shadows, rundir);
		/* a plugin that does not load is an error, not "no findings" */
		if (!v[i]->cached && !probed++)
			probe_plugin(cc, plugin, rundir);
	}
	free(keys);
	free(cmds);
	run_units(v, n, jobs_of(o), cwd, ovdir, rundir);
	for (i = 0; i < n; i++) {
		if (v[i]->status) {
			char *plain = xasprintf("%s/%d.plain.log", rundir, i);

			if (!failed++) {
				free(first_failure);
				first_failure = explain_failure(v[i], cwd, ksrc,
								ovdir, plain);
			}
			free(plain);
		}
	}
	records = xstrdup("");
	for (i = 0; i < n; i++) {
		char *d = unit_path(rundir, i, ".rec.d"), *r = read_records(d);
		char *all = xasprintf("%s%s", records, r);

		free(records);
		records = all;
		free(r);
		free(d);
	}
	keep_records(&kept, records, cwd, ksrc, ovdir);
	findings_from_records(kept.s, fs);
	if (o->records)
		sb_puts(o->records, kept.s);
	free(kept.s);
	free(records);
	scratch_done(rundir);
	for (i = 0; i < n; i++) {
		free(v[i]->src);
		av_free(&v[i]->cmd);
		av_free(&v[i]->run);
		free(v[i]->log);
		free(v[i]->key);
		free(v[i]);
	}
	free(v);
	free(extra);
	av_free(&pargs);
	free(rundir);
	free(plugin);
	free(cwd);
	return failed;
}

