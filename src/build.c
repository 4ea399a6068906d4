// SPDX-License-Identifier: GPL-2.0
/*
 * The tree and its units: find the kernel tree, read its .cpuidcheck, and
 * get kbuild's exact compile command for each unit of arch/x86/kvm/ and
 * virt/kvm/ from a one-time build (the user's --build, or a scratch build
 * cached under $XDG_CACHE_HOME/cpuidcheck/builds/).  tree.c runs them.
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
			char *bad = checks_unknown(a);

			if (bad)
				die("%s: line %d: no check called '%s' (see cpuidcheck --help)",
				    path, n, printable(bad));

			snprintf(o->disable + l, sizeof(o->disable) - l,
				 "%s%s", l ? "," : "", a);
		} else {
			die("%s: line %d: expected 'suppress CHECK SUBJECT [why]' or 'disable CHECK'",
			    path, n);
		}
	}
	o->suppress_text = sup.s;
	free(text);
	free(path);
}

/*
 * The suppressions (.cpuidcheck's, then every --suppress file's) as one
 * file, @dir/suppress, that both engines read.  NULL if there are none.
 */
char *write_suppressions(const struct options *o, const char *dir)
{
	struct sbuf b = { 0 };
	char *sup, *t;
	int i;

	if (!o->suppress_text && !o->nr_suppress)
		return NULL;
	sup = xasprintf("%s/suppress", dir);
	sb_add(&b, "", 0);
	if (o->suppress_text)
		sb_puts(&b, o->suppress_text);
	for (i = 0; i < o->nr_suppress; i++) {
		t = read_file(o->suppress[i], NULL);
		if (!t)
			die("--suppress %s: %s", o->suppress[i],
			    strerror(errno));
		sb_printf(&b, "%s\n", t);
		free(t);
	}
	if (!write_file(sup, b.s, b.len))
		die("cannot write %s", sup);
	free(b.s);
	return sup;
}

/* ---- the scratch build ---- */

int jobs_of(const struct options *o)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return o->jobs > 0 ? o->jobs : n > 0 ? n : 2;
}

/*
 * A tree the user configured with clang (make LLVM=1) is built the same way
 * in the scratch copy: its units are checked with their clang flags
 * translated for GCC, under the user's configuration.
 */
static bool make_llvm;


/* CC= and HOSTCC= for make when CPUIDCHECK_CC names another GCC. */
static void add_make_cc(struct argv *a)
{
	const char *cc = getenv("CPUIDCHECK_CC");

	if (make_llvm) {
		av_add(a, "LLVM=1");
		return;
	}
	if (!cc || !*cc)
		return;
	av_addf(a, "CC=%s", cc);
	av_addf(a, "HOSTCC=%s", cc);
}

/* make [-C @src] [O=@obj] [CC=...] @target..., in @cwd, output to @log */
static int run_make(const char *cwd, const char *src, const char *obj,
		    const struct options *o, const char *log,
		    const char *first, ...)
{
	struct run r = { .cwd = cwd, .out = log, .append = true };
	struct argv a = { 0 };
	const char *t;
	va_list ap;
	int rc;

	av_add(&a, "make");
	if (src)
		av_addv(&a, "-C", src, NULL);
	if (obj)
		av_addf(&a, "O=%s", obj);
	av_addf(&a, "-j%d", jobs_of(o));
	add_make_cc(&a);
	va_start(ap, first);
	for (t = first; t; t = va_arg(ap, const char *))
		av_add(&a, t);
	va_end(ap);
	rc = run_argv(a.v, &r);
	av_free(&a);
	return rc;
}

static char *file_hash(const char *path)
{
	char *t = read_file(path, NULL);
	char *h = xasprintf("%016llx", hash_str(t ? t : "-", 0));

	free(t);
	return h;
}

/*
 * The options of data/kvm.config, one a line: what makes a defconfig
 * build compile all of KVM's units.
 */
static char *kvm_config_list(void)
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
			sb_printf(&out, "%s\n", line);
	}
	free(text);
	free(path);
	return out.s;
}

/* What a cached build depends on: compiler, config, the set of units. */
static char *build_stamp(const char *ksrc, const struct options *o)
{
	const char *cc = o->cc ? o->cc : DEFAULT_CC;
	struct run in_tree = { .cwd = ksrc };
	char *ver, *units, *cfg, *mk, *s;

	ver = capture_cmd(NULL, NULL, cc, "--version", NULL);
	ver[strcspn(ver, "\n")] = '\0';
	units = capture_cmd(&in_tree, NULL, "find", "arch/x86/kvm", "virt/kvm",
			    "(", "-name", "*.c", "-o", "-name", "Makefile", ")",
			    NULL);
	sort_lines(units);
	s = xasprintf("%s/.config", ksrc);
	if (is_file(s)) {
		cfg = file_hash(s);
	} else {
		char *opts = kvm_config_list();

		cfg = xasprintf("defconfig %016llx", hash_str(opts, 0));
		free(opts);
	}
	free(s);
	s = xasprintf("%s/arch/x86/kvm/Makefile", ksrc);
	mk = file_hash(s);
	free(s);
	s = xasprintf("cpuidcheck-build 2\ncc %s\nconfig %s\nunits %016llx\nmakefile %s\n",
		      ver, cfg, hash_str(units, 0), mk);
	free(ver);
	free(units);
	free(cfg);
	free(mk);
	return s;
}

static int drop_kvm_objects(const char *path, const struct stat *st,
			    int flag, struct FTW *ftw)
{
	const char *b = path + ftw->base;

	if (flag == FTW_F && (ends_with(b, ".o") || ends_with(b, ".cmd") ||
			      ends_with(b, ".a") || ends_with(b, ".ko") ||
			      strstr(b, ".mod") || (b[0] == '.' &&
						   ends_with(b, ".d"))))
		unlink(path);
	return 0;
}

/*
 * Build arch/x86/kvm/ once in @dir: a tree configured in place is copied
 * to @dir/tree (real copies: the build writes only its own files) and
 * built there; a clean tree gets an O=@dir/obj build of defconfig and
 * data/kvm.config.  The user's tree is only read.
 */
static int build_scratch(const char *ksrc, const char *dir, bool in_place,
			 const struct options *o, const char *log)
{
	char *dst, *p;
	int rc;

	if (in_place) {
		dst = xasprintf("%s/tree", dir);
		if (!copy_tree(ksrc, dst)) {
			free(dst);
			return -1;
		}
		p = xasprintf("%s/arch/x86/kvm", dst);
		nftw(p, drop_kvm_objects, 16, FTW_PHYS);
		free(p);
		p = xasprintf("%s/virt/kvm", dst);
		nftw(p, drop_kvm_objects, 16, FTW_PHYS);
		free(p);
		rc = run_make(dst, NULL, NULL, o, log, "olddefconfig", NULL);
		if (!rc)
			run_make(dst, NULL, NULL, o, log, "-k", "arch/x86/kvm/",
				 NULL);
	} else {
		char *cfg, *opts = kvm_config_list(), *line, *save = NULL;
		struct argv a = { 0 };
		struct run r = { .out = log, .append = true };

		dst = xasprintf("%s/obj", dir);
		mkdir_p(dst);
		rc = run_make(NULL, ksrc, dst, o, log, "defconfig", NULL);
		cfg = xasprintf("%s/.config", dst);
		p = xasprintf("%s/scripts/config", ksrc);
		av_addv(&a, p, "--file", cfg, NULL);
		for (line = strtok_r(opts, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save))
			av_addv(&a, "-e", line, NULL);
		if (!rc)
			rc = run_argv(a.v, &r);
		if (!rc)
			rc = run_make(NULL, ksrc, dst, o, log, "olddefconfig",
				      NULL);
		if (!rc)
			run_make(NULL, ksrc, dst, o, log, "-k",
				 "arch/x86/kvm/", NULL);
		av_free(&a);
		free(cfg);
		free(p);
		free(opts);
	}
	free(dst);
	return rc;
}

/*
 * The compile command of a .cmd file as words, without -c, -o FILE, the
 * dependency options and what follows the source (objtool and the like).
 */
static struct unit *unit_from_cmd(const char *cmdfile)
{
	char *text = read_file(cmdfile, NULL), *line, *src = NULL, *p;
	struct argv words = { 0 };
	struct unit *u;
	const char **flags;
	int i, n;
	bool clang;

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
	if (!p || !split_command(p + 4, src, &words) || words.n < 2 ||
	    strcmp(words.v[words.n - 1], src)) {
		/* a unit left out would be a check that did not run */
		if (p)
			die("%s: a compile command cpuidcheck cannot read (does the tree's path have shell special characters?)",
			    cmdfile);
		av_free(&words);
		free(src);
		free(text);
		return NULL;
	}
	u = xmalloc(sizeof(*u));
	memset(u, 0, sizeof(*u));
	u->src = src;
	/* a clang-built tree's (make LLVM=1) options, as GCC spells them */
	flags = xmalloc(words.n * sizeof(*flags));
	flags[0] = words.v[0];
	n = 1 + clang_translate(words.v + 1, words.n - 2, flags + 1, &clang);
	flags[n++] = words.v[words.n - 1];
	for (i = 0; i < n - 1; i++) {
		const char *w = flags[i];

		if (starts_with(w, "-Wp,-MMD,") || starts_with(w, "-Wp,-MD,") ||
		    !strcmp(w, "-c"))
			continue;
		if (!strcmp(w, "-o")) {
			i++;
			continue;
		}
		av_add(&u->cmd, w);
	}
	free(flags);
	av_free(&words);
	free(text);
	return u;
}

static struct unit **found;
static int nr_found;

static int add_cmd_file(const char *path, const struct stat *st, int flag,
			struct FTW *ftw)
{
	const char *b = path + ftw->base;
	struct unit *u;

	if (flag != FTW_F || b[0] != '.' || !ends_with(b, ".o.cmd"))
		return 0;
	u = unit_from_cmd(path);
	if (u) {
		found = xrealloc(found, (nr_found + 1) * sizeof(*found));
		found[nr_found++] = u;
	}
	return 0;
}

static int unit_cmp(const void *a, const void *b)
{
	return strcmp((*(struct unit *const *)a)->src,
		      (*(struct unit *const *)b)->src);
}

/* The units kbuild compiled in @objtree's arch/x86/kvm and virt/kvm. */
static struct unit **units_of(const char *objtree, int *n)
{
	static const char *const dirs[] = { "arch/x86/kvm", "virt/kvm" };
	struct unit **v;
	size_t i;

	found = NULL;
	nr_found = 0;
	for (i = 0; i < ARRAY_SIZE(dirs); i++) {
		char *d = xasprintf("%s/%s", objtree, dirs[i]);

		nftw(d, add_cmd_file, 16, FTW_PHYS);
		free(d);
	}
	v = found;
	*n = nr_found;
	if (v)
		qsort(v, *n, sizeof(*v), unit_cmp);
	return v;
}

/* Save the units: one "SRC\tWORD\tWORD..." a line. */
static bool save_units(const char *path, struct unit **v, int n)
{
	struct sbuf b = { 0 };
	bool ok;
	int i, j;

	sb_add(&b, "", 0);
	for (i = 0; i < n; i++) {
		sb_puts(&b, v[i]->src);
		for (j = 0; j < v[i]->cmd.n; j++)
			sb_printf(&b, "\t%s", v[i]->cmd.v[j]);
		sb_puts(&b, "\n");
	}
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
		char *w, *wsave = NULL;
		struct unit *u;

		u = xmalloc(sizeof(*u));
		memset(u, 0, sizeof(*u));
		u->src = xstrdup(strtok_r(line, "\t", &wsave));
		while ((w = strtok_r(NULL, "\t", &wsave)))
			av_add(&u->cmd, w);
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = u;
	}
	free(text);
	return v;
}

static struct unit **units_of_user_build(const struct options *o, int *n,
					 char **cwd)
{
	char *b = realpath(o->build, NULL), *cfg;
	struct unit **v;

	if (!b)
		die("--build %s: %s", o->build, strerror(errno));
	cfg = xasprintf("%s/.config", b);
	if (!is_file(cfg))
		die("--build %s: not a configured kernel build (no .config)",
		    o->build);
	free(cfg);
	v = units_of(b, n);
	if (!*n) {
		note("building arch/x86/kvm/ once in %s", b);
		run_make(b, NULL, NULL, o, "/dev/stderr", "-k",
			 "arch/x86/kvm/", NULL);
		v = units_of(b, n);
	}
	if (!*n)
		die("--build %s: no compiled units of arch/x86/kvm/ (is KVM enabled in its .config?)",
		    o->build);
	*cwd = b;
	return v;
}

/*
 * A lock on @key's build: shared while the build is used, exclusive while
 * it is made.  Held until the run ends (the descriptor stays open).
 */
static int lock_build(const char *key, int how)
{
	char *path = xasprintf("%s.lock", key);
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);

	if (fd < 0 || flock(fd, how))
		die("cannot lock %s: %s", path, strerror(errno));
	free(path);
	return fd;
}

/* Remove what a run killed while building @key left behind. */
static void remove_stale_builds(const char *key)
{
	char *dir = xstrdup(key), *base = strrchr(dir, '/');
	struct dirent *e;
	size_t n;
	DIR *d;

	*base++ = '\0';
	n = strlen(base);
	d = opendir(dir);
	while (d && (e = readdir(d))) {
		if (!strncmp(e->d_name, base, n) &&
		    starts_with(e->d_name + n, ".new.")) {
			char *p = xasprintf("%s/%s", dir, e->d_name);

			rm_rf(p);
			free(p);
		}
	}
	if (d)
		closedir(d);
	free(dir);
}

static bool build_is_current(const char *key, const char *stamp)
{
	char *path = xasprintf("%s/stamp", key), *old = read_file(path, NULL);
	char *units = xasprintf("%s/units", key);
	bool ok = old && !strcmp(old, stamp) && is_file(units);

	free(path);
	free(old);
	free(units);
	return ok;
}

/* Make @key's build: in a new directory, renamed into place when done. */
static void make_build(const char *ksrc, const char *key, const char *stamp,
		       bool in_place, const struct options *o)
{
	char *tmp = xasprintf("%s.new.%d", key, (int)getpid());
	char *log = xasprintf("%s.log", key), *path;
	struct unit **v;
	int rc, n;

	remove_stale_builds(key);
	rm_rf(tmp);
	if (mkdir_p(tmp))
		die("cannot create %s", tmp);
	scratch_register(tmp);
	progress("%s", "one-time build of arch/x86/kvm/ (a few minutes)...");
	unlink(log);
	rc = build_scratch(ksrc, tmp, in_place, o, log);
	progress_done();
	path = xasprintf("%s/%s", tmp, in_place ? "tree" : "obj");
	v = units_of(path, &n);
	free(path);
	if (rc || !n)
		die("the one-time build of arch/x86/kvm/ failed; see %s", log);
	path = xasprintf("%s/units", tmp);
	if (!save_units(path, v, n))
		die("cannot write %s", path);
	free(path);
	path = xasprintf("%s/stamp", tmp);
	if (!write_file(path, stamp, strlen(stamp)))
		die("cannot write %s", path);
	free(path);
	rm_rf(key);
	if (rename(tmp, key))
		die("cannot rename %s to %s: %s", tmp, key, strerror(errno));
	scratch_forget(tmp);
	unlink(log);
	free(log);
	free(tmp);
}

/*
 * The units and the directory their commands run in: the user's --build,
 * or the cached scratch build for @ksrc (made now if missing or stale).
 */
struct unit **get_units(const struct options *o, const char *ksrc,
			char **cwd, int *n)
{
	char *cache, *builds, *key, *stamp, *units_path, *gen, *base;
	struct unit **v;
	bool in_place;
	int lock;

	if (o->build)
		return units_of_user_build(o, n, cwd);
	cache = cache_dir();
	builds = xasprintf("%s/builds", cache);
	if (mkdir_p(builds) || access(builds, W_OK))
		die("cache %s is not writable (set CPUIDCHECK_CACHE or XDG_CACHE_HOME)",
		    builds);
	base = strrchr(ksrc, '/');
	key = xasprintf("%s/%s-%016llx", builds, base ? base + 1 : "tree",
			hash_str(ksrc, 0));
	stamp = build_stamp(ksrc, o);
	gen = xasprintf("%s/.config", ksrc);
	in_place = is_file(gen);
	make_llvm = in_place && file_has_line(gen, "CONFIG_CC_IS_CLANG=y");
	free(gen);
	lock = lock_build(key, LOCK_SH);
	if (o->rebuild || !build_is_current(key, stamp)) {
		flock(lock, LOCK_UN);
		flock(lock, LOCK_EX);
		if (o->rebuild || !build_is_current(key, stamp))
			make_build(ksrc, key, stamp, in_place, o);
		flock(lock, LOCK_SH);
	}
	units_path = xasprintf("%s/units", key);
	v = load_units(units_path, n);
	/* a prepared in-place tree compiles its own sources read-only */
	gen = xasprintf("%s/include/generated/autoconf.h", ksrc);
	if (in_place && is_file(gen))
		*cwd = xstrdup(ksrc);
	else
		*cwd = xasprintf("%s/%s", key, in_place ? "tree" : "obj");
	free(gen);
	free(stamp);
	free(units_path);
	free(builds);
	free(cache);
	free(key);
	return v;
}
