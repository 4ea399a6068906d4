// SPDX-License-Identifier: GPL-2.0
/*
 * The per-unit result cache: a unit that compiled before with the same
 * command, the same plugin and the same contents of every file its
 * compile read (GCC's own -MD list) gives the same findings and records,
 * so they are taken from $cache/units/ instead of compiling it again.
 *
 * Invalidation is by content: each dependency's git blob id (SHA-1 with
 * collision detection, from `git hash-object`, no repository needed) is
 * compared with the one recorded.  Paths of a patch's scratch overlay are
 * recorded as "@OV@/..." and of the run directory as "@RUN@/...", so the
 * entries of one patch check serve the next, and every patch of a series
 * shares the keys.  A file in the overlay may shadow a tree file that a
 * unit read (the overlay's include directories come first, and -MD cannot
 * list a file that was not there): a result any of whose tree dependencies
 * has the base name of an overlay file is not taken.  A file added to the
 * tree itself that shadows another on the include path is not seen:
 * --rebuild (or a changed .config) starts afresh.
 *
 * Hashing every dependency on every run would cost more than a compile
 * of a small patch: a file's blob id is also kept in $cache/units/ids by
 * its stat data (device, inode, size, mtime, ctime), as git's index
 * does, and taken from there while none of them changed.  Files changed
 * in the last seconds before they were hashed are not kept (a write in
 * the same clock tick would not change mtime).
 *
 * A key holds several versions (its last MAX_VERSIONS results, each with
 * the blob ids it was computed from): a patch's base and result share
 * every key, and so do the states of successive patches, which would
 * otherwise evict each other.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cpuidcheck.h"

#define MAX_VERSIONS	8

#define OV_TOKEN	"@OV@"
#define RUN_TOKEN	"@RUN@"

/* ---- blob ids, memoised for the run ---- */

struct memo {
	char **path, **id;
	int n, size;
};

static struct memo memo;

static unsigned int slot_of(const char *path, int size)
{
	return hash_str(path, 0) & (size - 1);
}

static char **memo_find(struct memo *m, const char *path)
{
	unsigned int i;

	if (!m->size)
		return NULL;
	for (i = slot_of(path, m->size); m->path[i];
	     i = (i + 1) & (m->size - 1))
		if (!strcmp(m->path[i], path))
			return &m->id[i];
	return NULL;
}

/* @path's value in @m becomes @id. */
static void memo_set(struct memo *m, const char *path, const char *id)
{
	char **v = memo_find(m, path);
	unsigned int i;

	if (v) {
		free(*v);
		*v = xstrdup(id);
		return;
	}
	if (m->n * 2 >= m->size) {
		struct memo old = *m;
		int k;

		m->size = old.size ? old.size * 2 : 1024;
		m->n = 0;
		m->path = xmalloc(m->size * sizeof(char *));
		m->id = xmalloc(m->size * sizeof(char *));
		memset(m->path, 0, m->size * sizeof(char *));
		for (k = 0; k < old.size; k++)
			if (old.path[k]) {
				memo_set(m, old.path[k], old.id[k]);
				free(old.path[k]);
				free(old.id[k]);
			}
		free(old.path);
		free(old.id);
	}
	for (i = slot_of(path, m->size); m->path[i];
	     i = (i + 1) & (m->size - 1))
		;
	m->path[i] = xstrdup(path);
	m->id[i] = xstrdup(id);
	m->n++;
}

static char **memo_slot(const char *path)
{
	return memo_find(&memo, path);
}

static void memo_put(const char *path, const char *id)
{
	memo_set(&memo, path, id);
}

/* ---- blob ids kept across runs, by stat data ---- */

#define STABLE_SECONDS	2	/* older than this when hashed: kept */

static struct memo kept;	/* "PATH" -> "STAT ID" */
static bool kept_loaded;

static char *ids_file(void)
{
	char *cache = cache_dir(), *p = xasprintf("%s/units/ids", cache);

	free(cache);
	return p;
}

static char *stat_key(const struct stat *st)
{
	return xasprintf("%llx.%llx.%llx.%lld.%ld.%lld.%ld",
			 (unsigned long long)st->st_dev,
			 (unsigned long long)st->st_ino,
			 (unsigned long long)st->st_size,
			 (long long)st->st_mtim.tv_sec, st->st_mtim.tv_nsec,
			 (long long)st->st_ctim.tv_sec, st->st_ctim.tv_nsec);
}

static int count_char(const char *s, char c)
{
	int n = 0;

	while ((s = strchr(s, c)))
		n++, s++;
	return n;
}

/* $cache/units/ids: "STAT ID PATH" lines, the last one of a path wins. */
static void load_kept(void)
{
	char *p = ids_file(), *text = read_file(p, NULL), *line, *save = NULL;

	kept_loaded = true;
	for (line = text ? strtok_r(text, "\n", &save) : NULL; line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *sp1 = strchr(line, ' '), *sp2 = sp1 ? strchr(sp1 + 1, ' ') : NULL;

		/* STAT (7 fields), a 40-digit id, an absolute path */
		if (!sp2 || sp2 - sp1 != 41 || sp2[1] != '/' ||
		    strspn(sp1 + 1, "0123456789abcdef") != 40)
			continue;
		*sp1 = '\0';
		if (count_char(line, '.') != 6)
			continue;
		*sp1 = ' ';
		*sp2 = '\0';
		memo_set(&kept, sp2 + 1, line);
	}
	free(text);
	free(p);
}

/* @path's kept id if its stat data @st are those it was hashed with. */
static const char *kept_id(const char *path, const struct stat *st)
{
	char **v, *key;
	const char *r = NULL;
	size_t n;

	if (!kept_loaded)
		load_kept();
	v = memo_find(&kept, path);
	if (!v)
		return NULL;
	key = stat_key(st);
	n = strlen(key);
	if (!strncmp(*v, key, n) && (*v)[n] == ' ')
		r = *v + n + 1;
	free(key);
	return r;
}

static void keep_id(struct sbuf *out, const char *path, const struct stat *st,
		    const char *id)
{
	time_t now = time(NULL);
	char *key;

	if (path[0] != '/' || strchr(path, '\n') ||
	    st->st_mtim.tv_sec > now - STABLE_SECONDS ||
	    st->st_ctim.tv_sec > now - STABLE_SECONDS)
		return;
	key = stat_key(st);
	sb_printf(out, "%s %s %s\n", key, id, path);
	free(key);
}

/* New lines for $cache/units/ids, appended whole (O_APPEND). */
static void append_kept(const struct sbuf *lines)
{
	ssize_t written;
	char *p;
	int fd;

	if (!lines->len)
		return;
	p = ids_file();
	fd = open(p, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	free(p);
	if (fd < 0)
		return;
	/*
	 * One write, so parallel runs append whole lines.  What a short
	 * write loses is hashed again next time; a line it cuts is refused
	 * by load_kept().
	 */
	written = write(fd, lines->s, lines->len);
	close(fd);
	(void)written;
}

/*
 * Blob ids of @paths into the memo: from the kept ids where the stat
 * data are unchanged, the others with one git process for all.
 */
static void hash_files(char **paths, int n, const char *tmpdir)
{
	char *list = xasprintf("%s/hash-paths", tmpdir), *out, *line, *save;
	struct sbuf b = { 0 }, keep = { 0 };
	struct stat *sts = xmalloc((n ? n : 1) * sizeof(*sts));
	bool *todo = xmalloc((n ? n : 1) * sizeof(bool));
	int i, k = 0, st;

	sb_add(&b, "", 0);
	sb_add(&keep, "", 0);
	for (i = 0; i < n; i++) {
		const char *id;

		todo[i] = false;
		if (memo_slot(paths[i]))
			continue;
		if (stat(paths[i], &sts[i]) || !S_ISREG(sts[i].st_mode)) {
			memo_put(paths[i], "missing");
			continue;
		}
		id = kept_id(paths[i], &sts[i]);
		if (id) {
			memo_put(paths[i], id);
			continue;
		}
		/* a path listed twice is hashed once */
		memo_put(paths[i], "");
		todo[i] = true;
		sb_printf(&b, "%s\n", paths[i]);
		k++;
	}
	if (k && !write_file(list, b.s, b.len))
		die("cannot write %s", list);
	out = k ? capture_cmd(&(struct run){ .in = list }, &st, "git",
			      "hash-object", "--no-filters", "--stdin-paths",
			      NULL) : NULL;
	if (k && st)
		die("git hash-object failed on %s's files", tmpdir);
	save = NULL;
	line = out ? strtok_r(out, "\n", &save) : NULL;
	for (i = 0; i < n; i++) {
		if (!todo[i])
			continue;
		if (!line)
			die("git hash-object gave too few ids");
		memo_put(paths[i], line);
		keep_id(&keep, paths[i], &sts[i], line);
		line = strtok_r(NULL, "\n", &save);
	}
	append_kept(&keep);
	if (k)
		unlink(list);
	free(out);
	free(list);
	free(b.s);
	free(keep.s);
	free(sts);
	free(todo);
}

static const char *blob_id(const char *path, const char *tmpdir)
{
	char *p = (char *)path;

	if (!memo_slot(path))
		hash_files(&p, 1, tmpdir);
	return *memo_slot(path);
}

/* @path's git blob id ("missing" if it is none), for cache keys. */
const char *file_id(const char *path, const char *tmpdir)
{
	return blob_id(path, tmpdir);
}

/* Files may change between runs of one process (review's steps). */
void unitcache_forget(void)
{
	int i;

	for (i = 0; i < memo.size; i++) {
		if (memo.path[i]) {
			free(memo.path[i]);
			free(memo.id[i]);
			memo.path[i] = NULL;
		}
	}
	memo.n = 0;
}

/* Whether @shadows ("\nNAME\n...") has @path's last component. */
static bool shadowed(const char *path, const char *shadows)
{
	const char *base = strrchr(path, '/');
	char *pat = xasprintf("\n%s\n", base ? base + 1 : path);
	bool r = strstr(shadows, pat) != NULL;

	free(pat);
	return r;
}

/* ---- text with the run's paths as tokens ---- */

static char *replace_all(const char *s, const char *from, const char *to)
{
	struct sbuf b = { 0 };
	size_t n = from ? strlen(from) : 0;
	const char *p;

	sb_add(&b, "", 0);
	if (!n) {
		sb_puts(&b, s);
		return b.s;
	}
	while ((p = strstr(s, from))) {
		sb_add(&b, s, p - s);
		sb_puts(&b, to);
		s = p + n;
	}
	sb_puts(&b, s);
	return b.s;
}

/* @s with @ov and @run replaced by their tokens (@back: the other way). */
static char *tokens(const char *s, const char *ov, const char *run,
		    bool back)
{
	char *a = back ? replace_all(s, OV_TOKEN, ov ? ov : OV_TOKEN) :
			 replace_all(s, ov, OV_TOKEN);
	char *b = back ? replace_all(a, RUN_TOKEN, run) :
			 replace_all(a, run, RUN_TOKEN);

	free(a);
	return b;
}

/* ---- entries ---- */

static char *entry_dir(const char *key)
{
	char *cache = cache_dir();
	char *d = xasprintf("%s/units/%.2s/%s", cache, key, key + 2);

	free(cache);
	return d;
}

/*
 * The keys of @n units' results: each unit's command (paths as tokens)
 * and @extra (compiler version, plugin id, suppressions);
 * one git process for all.
 */
char **unit_keys(struct argv *const *cmds, int n, const char *ov,
		 const char *run, const char *extra)
{
	char **files = xmalloc(n * sizeof(char *)), **keys;
	int i, k;

	for (i = 0; i < n; i++) {
		struct sbuf b = { 0 };

		sb_puts(&b, "cpuidcheck-unit 2\n");
		sb_puts(&b, extra);
		for (k = 0; k < cmds[i]->n; k++) {
			char *t = tokens(cmds[i]->v[k], ov, run, false);

			sb_printf(&b, "\n%s", t);
			free(t);
		}
		files[i] = xasprintf("%s/%d.key", run, i);
		if (!write_file(files[i], b.s, b.len))
			die("cannot write %s", files[i]);
		free(b.s);
	}
	hash_files(files, n, run);
	keys = xmalloc(n * sizeof(char *));
	for (i = 0; i < n; i++) {
		keys[i] = xstrdup(blob_id(files[i], run));
		unlink(files[i]);
		free(files[i]);
	}
	free(files);
	return keys;
}

/* The versions of an entry: its subdirectories, oldest first. */
static char **versions(const char *dir, int *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	time_t *t = NULL;
	int i;

	*n = 0;
	while (d && (e = readdir(d))) {
		char *p;
		struct stat st;

		if (e->d_name[0] != 'v' || strchr(e->d_name, '.'))
			continue;
		p = xasprintf("%s/%s", dir, e->d_name);
		if (stat(p, &st) || !S_ISDIR(st.st_mode)) {
			free(p);
			continue;
		}
		v = xrealloc(v, (*n + 1) * sizeof(char *));
		t = xrealloc(t, (*n + 1) * sizeof(time_t));
		for (i = *n; i > 0 && t[i - 1] > st.st_mtime; i--) {
			v[i] = v[i - 1];
			t[i] = t[i - 1];
		}
		v[i] = p;
		t[i] = st.st_mtime;
		(*n)++;
	}
	if (d)
		closedir(d);
	free(t);
	return v;
}

/*
 * Whether every dependency version @dir lists is unchanged, and none of
 * those read from the tree has a name in @shadows (see overlay_shadows()).
 */
static bool version_current(const char *dir, const char *ov,
			    const char *shadows, const char *run)
{
	char *p = xasprintf("%s/deps", dir), *deps, *line, *save = NULL;
	char **paths = NULL, **ids = NULL;
	bool ok = true, *in_ov = NULL;
	int n = 0, i;

	deps = read_file(p, NULL);
	free(p);
	if (!deps)
		return false;
	for (line = strtok_r(deps, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *tab = strchr(line, '\t');

		if (!tab)
			continue;
		*tab = '\0';
		paths = xrealloc(paths, (n + 1) * sizeof(char *));
		ids = xrealloc(ids, (n + 1) * sizeof(char *));
		in_ov = xrealloc(in_ov, (n + 1) * sizeof(bool));
		in_ov[n] = starts_with(tab + 1, OV_TOKEN "/");
		paths[n] = tokens(tab + 1, ov, run, true);
		ids[n++] = line;
	}
	hash_files(paths, n, run);
	for (i = 0; i < n && ok; i++)
		ok = !strcmp(blob_id(paths[i], run), ids[i]) &&
		     !(shadows && !in_ov[i] && shadowed(paths[i], shadows));
	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	free(ids);
	free(in_ov);
	free(deps);
	return ok && n;
}

/*
 * Hash what every version of @n keys depends on at once: one git process
 * for a run instead of one a unit.
 */
void unitcache_prepare(char *const *keys, int n, const char *ov,
		       const char *run)
{
	char **paths = NULL;
	int np = 0, i, k, nv;

	for (i = 0; i < n; i++) {
		char *dir = entry_dir(keys[i]), **v = versions(dir, &nv);

		for (k = 0; k < nv; k++) {
			char *p = xasprintf("%s/deps", v[k]);
			char *deps = read_file(p, NULL), *line, *save = NULL;

			for (line = deps ? strtok_r(deps, "\n", &save) : NULL;
			     line; line = strtok_r(NULL, "\n", &save)) {
				char *tab = strchr(line, '\t');

				if (!tab)
					continue;
				paths = xrealloc(paths,
						 (np + 1) * sizeof(char *));
				paths[np++] = tokens(tab + 1, ov, run, true);
			}
			free(deps);
			free(p);
			free(v[k]);
		}
		free(v);
		free(dir);
	}
	hash_files(paths, np, run);
	for (i = 0; i < np; i++)
		free(paths[i]);
	free(paths);
}

/*
 * The cached log and records of @key, from its version whose every
 * dependency is unchanged.  Their paths are this run's (@ov, @run).
 */
bool unitcache_get(const char *key, const char *ov, const char *shadows,
		   const char *run, char **log, char **rec)
{
	char *dir = entry_dir(key), **v, *p, *l = NULL, *r = NULL;
	bool ok = false;
	int n, i;

	v = versions(dir, &n);
	for (i = n - 1; i >= 0 && !ok; i--) {
		if (!version_current(v[i], ov, shadows, run))
			continue;
		p = xasprintf("%s/log", v[i]);
		l = read_file(p, NULL);
		free(p);
		p = xasprintf("%s/rec", v[i]);
		r = read_file(p, NULL);
		free(p);
		ok = l && r;
		if (ok) {
			*log = tokens(l, ov, run, true);
			*rec = tokens(r, ov, run, true);
		}
		free(l);
		free(r);
	}
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
	free(dir);
	return ok;
}

/* Make's dependency list: the words after "target:", paths from @cwd. */
static char **read_depfile(const char *depfile, const char *cwd, int *n)
{
	char *text = read_file(depfile, NULL), *p, *w, *save = NULL;
	char **v = NULL;

	*n = 0;
	if (!text)
		return NULL;
	p = strstr(text, ": ");
	for (w = p ? strtok_r(p + 1, " \t\n\\", &save) : NULL; w;
	     w = strtok_r(NULL, " \t\n\\", &save)) {
		v = xrealloc(v, (*n + 1) * sizeof(char *));
		v[(*n)++] = normalize(w, cwd);
	}
	free(text);
	return v;
}

/* Whether @path changed at or after @t (or cannot be read). */
static bool changed_since(const char *path, const struct timespec *t)
{
	struct stat st;

	if (stat(path, &st))
		return true;
	return st.st_mtim.tv_sec > t->tv_sec ||
	       (st.st_mtim.tv_sec == t->tv_sec &&
		st.st_mtim.tv_nsec >= t->tv_nsec);
}

/*
 * Keep @log and @rec for @key with the dependencies @depfile lists.  An
 * entry is written whole in a new directory and renamed into place.  A
 * dependency written after the compile @started may not be what it read:
 * then nothing is kept (a stale entry would be a wrong answer).
 */
void unitcache_put(const char *key, const char *depfile, const char *cwd,
		   const char *ov, const char *run, const char *log,
		   const char *rec, const struct timespec *started)
{
	char *dir = entry_dir(key), *tmp, *p, *t, *vdir = NULL, **v;
	struct sbuf b = { 0 };
	char **deps;
	int n, i, nv;

	deps = read_depfile(depfile, cwd, &n);
	if (!n) {
		free(dir);
		return;
	}
	for (i = 0; i < n; i++)
		if (changed_since(deps[i], started))
			goto out;
	hash_files(deps, n, run);
	sb_add(&b, "", 0);
	for (i = 0; i < n; i++) {
		const char *id = blob_id(deps[i], run);

		if (!strcmp(id, "missing"))
			goto out;
		t = tokens(deps[i], ov, run, false);
		sb_printf(&b, "%s\t%s\n", id, t);
		free(t);
	}
	vdir = xasprintf("%s/v%016llx", dir, hash_str(b.s, 0));
	tmp = xasprintf("%s.new.%d", vdir, (int)getpid());
	if (mkdir_p(tmp)) {
		free(tmp);
		goto out;
	}
	p = xasprintf("%s/deps", tmp);
	write_file(p, b.s, b.len);
	free(p);
	p = xasprintf("%s/log", tmp);
	t = tokens(log, ov, run, false);
	write_file(p, t, strlen(t));
	free(t);
	free(p);
	p = xasprintf("%s/rec", tmp);
	t = tokens(rec, ov, run, false);
	write_file(p, t, strlen(t));
	free(t);
	free(p);
	rm_rf(vdir);
	if (rename(tmp, vdir))
		rm_rf(tmp);
	free(tmp);
	/* the oldest versions beyond MAX_VERSIONS go */
	v = versions(dir, &nv);
	for (i = 0; i < nv; i++) {
		if (i < nv - MAX_VERSIONS && strcmp(v[i], vdir))
			rm_rf(v[i]);
		free(v[i]);
	}
	free(v);
out:
	free(vdir);
	for (i = 0; i < n; i++)
		free(deps[i]);
	free(deps);
	free(b.s);
	free(dir);
}
