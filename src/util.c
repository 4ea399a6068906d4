// SPDX-License-Identifier: GPL-2.0
/*
 * Small helpers: messages, memory, files, running commands, and finding
 * cpuidcheck's parts (plugin, data, semantic patches) in the source tree or
 * in an installed prefix.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cpuidcheck.h"

#ifndef PREFIX
#define PREFIX "/usr/local"
#endif

const char *prog = "cpuidcheck";

static void vnote(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vnote(fmt, ap);
	va_end(ap);
	exit(EXIT_TROUBLE);
}

void note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vnote(fmt, ap);
	va_end(ap);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

char *xstrdup(const char *s)
{
	char *p = strdup(s ? s : "");

	if (!p)
		die("out of memory");
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	if (vasprintf(&p, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	return p;
}

void sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->size) {
		b->size = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->size);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void sb_puts(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

void sb_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&p, fmt, ap);
	va_end(ap);
	if (n < 0)
		die("out of memory");
	sb_add(b, p, n);
	free(p);
}

/* @text wrapped at 72 columns, as a mail is, from column @col */
void sb_wrap(struct sbuf *b, int col, const char *text)
{
	while (*text) {
		size_t n = strcspn(text, " ");

		if (col && col + 1 + (int)n > 72) {
			sb_puts(b, "\n");
			col = 0;
		} else if (col) {
			sb_puts(b, " ");
			col++;
		}
		sb_add(b, text, n);
		col += n;
		text += n;
		while (*text == ' ')
			text++;
	}
	sb_puts(b, "\n");
}

/* @v with room for element @n (of @size bytes), grown in steps of 64 */
void *grow(void *v, int n, size_t size)
{
	if (n % 64 == 0)
		v = xrealloc(v, (n + 64) * size);
	return v;
}

bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

bool ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && !strcmp(s + a - b, suffix);
}

bool is_dir(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISDIR(st.st_mode);
}

/* Line @n of @path (from 1), without its newline; NULL if it has none */
char *file_line(const char *path, int n)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	int i;

	for (i = 1; f && getline(&line, &cap, f) >= 0; i++) {
		if (i == n) {
			line[strcspn(line, "\n")] = '\0';
			fclose(f);
			return line;
		}
	}
	free(line);
	if (f)
		fclose(f);
	return NULL;
}

/* Whether a line of @path, ended by a newline, is @line */
bool file_has_line(const char *path, const char *line)
{
	char *text = read_file(path, NULL), *p;
	size_t n = strlen(line);
	bool found = false;

	for (p = text; p && *p && !found; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		found = !strncmp(p, line, n) && p[n] == '\n';
	}
	free(text);
	return found;
}

bool is_file(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISREG(st.st_mode);
}

char *read_file(const char *path, size_t *lenp)
{
	struct sbuf b = { 0 };
	char buf[65536];
	size_t n;
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;

	if (!f)
		return NULL;
	sb_add(&b, "", 0);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sb_add(&b, buf, n);
	if (f != stdin)
		fclose(f);
	if (lenp)
		*lenp = b.len;
	return b.s;
}

/* Write to a temporary name and rename: no half-written files. */
bool write_file(const char *path, const char *data, size_t len)
{
	char *tmp = xasprintf("%s.tmp%d", path, (int)getpid());
	FILE *f = fopen(tmp, "w");
	bool ok;

	if (!f) {
		free(tmp);
		return false;
	}
	ok = fwrite(data, 1, len, f) == len;
	ok = !fclose(f) && ok;
	if (ok)
		ok = !rename(tmp, path);
	if (!ok)
		unlink(tmp);
	free(tmp);
	return ok;
}

int mkdir_p(const char *path)
{
	char *p = xstrdup(path), *s;
	int ret = 0;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) && errno != EEXIST)
			ret = -1;
		*s = '/';
	}
	if (mkdir(p, 0777) && errno != EEXIST)
		ret = -1;
	if (!ret && !is_dir(p))
		ret = -1;
	free(p);
	return ret;
}

/*
 * A file name from outside (a patch, a commit, a mail) that may be used
 * below a tree: relative, no "." or ".." component, no empty component,
 * no leading '-', no .git component, no control characters and none of the
 * shell's special characters (no kernel file has them; refusing them
 * keeps a name harmless wherever it may end up).
 */
bool safe_tree_path(const char *name)
{
	const char *c = name;

	if (!*name || *name == '/' || *name == '-')
		return false;
	for (; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f ||
		    strchr("$`;|&<>(){}*?[]'\"\\!", *c))
			return false;
	for (c = name; *c; ) {
		size_t n = strcspn(c, "/");

		if (!n || (n == 1 && c[0] == '.') ||
		    (n == 2 && c[0] == '.' && c[1] == '.') ||
		    (n == 4 && !strncmp(c, ".git", 4)))
			return false;
		c += n;
		if (*c == '/' && !*++c)
			return false;
	}
	return true;
}

/* A revision or range from outside: no option, no control characters. */
bool safe_rev(const char *rev)
{
	const char *c;

	if (!*rev || *rev == '-')
		return false;
	for (c = rev; *c; c++)
		if ((unsigned char)*c <= 0x20 || *c == 0x7f)
			return false;
	return true;
}

/*
 * @s made safe for a terminal: control characters (escape sequences
 * included, C1 controls in UTF-8 too) become '?'; tabs stay.  Returns a new string.
 */
char *printable(const char *s)
{
	char *r = xstrdup(s), *p;

	for (p = r; *p; p++) {
		unsigned char c = *p;

		if ((c < 0x20 && c != '\t') || c == 0x7f)
			*p = '?';
		/* C1 controls (U+0080..U+009F: CSI is U+009B) */
		else if (c == 0xc2 && (unsigned char)p[1] >= 0x80 &&
			 (unsigned char)p[1] <= 0x9f)
			p[0] = p[1] = '?';
	}
	return r;
}

/* $CPUIDCHECK_CACHE, else $XDG_CACHE_HOME/cpuidcheck, ~/.cache/cpuidcheck */
char *cache_dir(void)
{
	const char *c = getenv("CPUIDCHECK_CACHE");
	const char *x = getenv("XDG_CACHE_HOME");
	const char *h = getenv("HOME");

	if (c && *c)
		return xstrdup(c);
	if (x && *x)
		return xasprintf("%s/cpuidcheck", x);
	return xasprintf("%s/.cache/cpuidcheck", h && *h ? h : "/tmp");
}

char *self_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	char *slash;

	if (n <= 0)
		return xstrdup(".");
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (slash)
		*slash = '\0';
	return xstrdup(buf);
}

/*
 * A part of cpuidcheck: beside the program in the source tree (@rel_src),
 * relative to an installed program (bin/../@rel_installed), or in the
 * prefix compiled in.  NULL when none exists.
 */
char *find_part(const char *rel_src, const char *rel_installed)
{
	char *dir = self_dir();
	char *c[3];
	int i;

	c[0] = xasprintf("%s/%s", dir, rel_src);
	c[1] = xasprintf("%s/../%s", dir, rel_installed);
	c[2] = xasprintf("%s/%s", PREFIX, rel_installed);
	free(dir);
	for (i = 0; i < 3; i++) {
		char *r = realpath(c[i], NULL);

		if (r) {
			for (i = 0; i < 3; i++)
				free(c[i]);
			return r;
		}
	}
	for (i = 0; i < 3; i++)
		free(c[i]);
	return NULL;
}

/* FNV-1a */
unsigned long long hash_str(const char *s, unsigned long long h)
{
	if (!h)
		h = 14695981039346656037ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

/* ---- real copies (no hard links: a build in the copy writes its own) ---- */

static const char *copy_src, *copy_dst;
static size_t copy_src_len;
static bool copy_failed;

static bool copy_file(const char *from, const char *to, const struct stat *st)
{
	int in = open(from, O_RDONLY | O_NOFOLLOW), out;
	struct timespec times[2] = { st->st_atim, st->st_mtim };
	bool ok = true;
	char buf[65536];
	ssize_t n;

	if (in < 0)
		return false;
	out = open(to, O_WRONLY | O_CREAT | O_EXCL, st->st_mode & 07777);
	if (out < 0) {
		close(in);
		return false;
	}
	while (ok && (n = read(in, buf, sizeof(buf))) > 0)
		ok = write(out, buf, n) == n;
	ok = ok && n == 0;
	ok = !futimens(out, times) && ok;
	ok = !close(out) && ok;
	close(in);
	return ok;
}

static int copy_one(const char *path, const struct stat *st, int flag,
		    struct FTW *ftw)
{
	const char *rel = path + copy_src_len;
	char *to = xasprintf("%s%s", copy_dst, rel);
	char link[PATH_MAX];
	ssize_t n;

	if (ftw->level == 1 && !strcmp(path + ftw->base, ".git")) {
		free(to);
		return FTW_SKIP_SUBTREE;
	}
	switch (flag) {
	case FTW_D:
		if (mkdir(to, (st->st_mode & 07777) | 0700))
			copy_failed = true;
		break;
	case FTW_F:
		if (S_ISREG(st->st_mode) && !copy_file(path, to, st))
			copy_failed = true;
		break;
	case FTW_SL:
		n = readlink(path, link, sizeof(link) - 1);
		if (n < 0)
			copy_failed = true;
		else {
			link[n] = '\0';
			if (symlink(link, to))
				copy_failed = true;
		}
		break;
	default:
		copy_failed = true;
	}
	free(to);
	return copy_failed ? FTW_STOP : FTW_CONTINUE;
}

/* A real copy of the regular file @from (not through a symlink) at @to. */
bool copy_file_to(const char *from, const char *to)
{
	struct stat st;

	return !lstat(from, &st) && S_ISREG(st.st_mode) &&
	       copy_file(from, to, &st);
}

/*
 * Copy the tree @from to @to (which must not exist) with real copies of
 * every file, modes and times kept, its top-level .git left out.
 */
bool copy_tree(const char *from, const char *to)
{
	copy_src = from;
	copy_src_len = strlen(from);
	copy_dst = to;
	copy_failed = false;
	if (nftw(from, copy_one, 64,
		 FTW_PHYS | FTW_ACTIONRETVAL) != 0 || copy_failed)
		return false;
	return true;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort the lines of @text in place (the bytes, as LC_ALL=C sort does). */
void sort_lines(char *text)
{
	char *copy = xstrdup(text), **v = NULL, *line, *save = NULL, *p;
	int n = 0, i;

	for (line = strtok_r(copy, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		v = xrealloc(v, (n + 1) * sizeof(*v));
		v[n++] = line;
	}
	/* no lines: v is NULL, which qsort() may not be given */
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_str);
	for (p = text, i = 0; i < n; i++)
		p += sprintf(p, "%s\n", v[i]);
	*p = '\0';
	free(v);
	free(copy);
}

/*
 * The element of @v (@n of @size bytes, each starting with its name, a
 * char *) called @name, or NULL.
 */
void *find_named(const void *v, int n, size_t size, const char *name)
{
	const char *p = v;
	int i;

	for (i = 0; i < n; i++, p += size)
		if (!strcmp(*(char *const *)p, name))
			return (void *)p;
	return NULL;
}

/* @rel of the tree @ksrc, or of the overlay @ovdir standing in for it */
char *tree_text(const char *ksrc, const char *ovdir, const char *rel)
{
	char *p, *t = NULL;

	if (ovdir) {
		p = xasprintf("%s/%s", ovdir, rel);
		t = read_file(p, NULL);
		free(p);
	}
	if (!t) {
		p = xasprintf("%s/%s", ksrc, rel);
		t = read_file(p, NULL);
		free(p);
	}
	return t;
}

void usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", prog);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, " (see cpuidcheck --help)\n");
	exit(EXIT_TROUBLE);
}

/* "--name=value" or "--name value": true and *@v set if argv[*i] is it */
bool opt(const char *name, int argc, char **argv, int *i, const char **v)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	*v = NULL;
	if (!strncmp(a, name, n) && a[n] == '=')
		*v = a + n + 1;
	else if (!strcmp(a, name)) {
		if (*i + 1 >= argc)
			usage_error("option %s needs a value", name);
		*v = argv[++*i];
	}
	return *v != NULL;
}

/* Lexical normalisation of @path seen from @cwd. */
char *normalize(const char *path, const char *cwd)
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
char *tree_relative(const char *file, const char *cwd, const char *ksrc,
		    const char *ovdir)
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

/* A progress line on a terminal (stderr), replaced by the next one */
void progress(const char *fmt, const char *arg)
{
	if (!isatty(2))
		return;
	fprintf(stderr, "\r\033[K%s: ", prog);
	fprintf(stderr, fmt, arg);
}

void progress_done(void)
{
	if (isatty(2))
		fprintf(stderr, "\r\033[K");
}
