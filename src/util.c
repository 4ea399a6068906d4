// SPDX-License-Identifier: GPL-2.0
/*
 * Small helpers: messages, memory, files, running commands, and finding
 * cpuidcheck's parts (plugin, data, semantic patches) in the source tree or
 * in an installed prefix.
 */
#include <errno.h>
#include <fcntl.h>
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
bool verbose;

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

char *shell_quote(const char *s)
{
	struct sbuf b = { 0 };

	sb_puts(&b, "'");
	for (; *s; s++) {
		if (*s == '\'')
			sb_puts(&b, "'\\''");
		else
			sb_add(&b, s, 1);
	}
	sb_puts(&b, "'");
	return b.s;
}

void rm_rf(const char *path)
{
	char *q = shell_quote(path);
	char *cmd = xasprintf("chmod -R u+w %s 2>/dev/null; rm -rf %s", q, q);

	run_shell(NULL, cmd, "/dev/null");
	free(cmd);
	free(q);
}

/*
 * Start @cmd with /bin/sh in @cwd (NULL: here); stdout and stderr go to
 * @out_path (NULL: inherited).  Returns the child's pid, -1 on failure.
 */
pid_t spawn_shell(const char *cwd, const char *cmd, const char *out_path)
{
	pid_t pid = fork();

	if (pid)
		return pid;
	if (cwd && chdir(cwd))
		_exit(127);
	if (out_path) {
		int fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0666);

		if (fd < 0)
			_exit(127);
		dup2(fd, 1);
		dup2(fd, 2);
		close(fd);
	}
	execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
	_exit(127);
}

/*
 * Run @cmd with /bin/sh in @cwd; stdout and stderr go to @out_path (NULL:
 * inherited).  Returns the exit status, 128+N for a signal, -1 on failure.
 */
int run_shell(const char *cwd, const char *cmd, const char *out_path)
{
	int status;
	pid_t pid = spawn_shell(cwd, cmd, out_path);

	if (pid < 0)
		return -1;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

/* Run @cmd in @cwd and return its stdout (stderr is left alone). */
char *run_capture(const char *cwd, const char *cmd, int *status)
{
	struct sbuf b = { 0 };
	char buf[4096];
	char *full;
	FILE *p;
	size_t n;
	int st;

	if (cwd) {
		char *q = shell_quote(cwd);

		full = xasprintf("cd %s && { %s\n}", q, cmd);
		free(q);
	} else {
		full = xstrdup(cmd);
	}
	sb_add(&b, "", 0);
	p = popen(full, "r");
	free(full);
	if (!p) {
		if (status)
			*status = -1;
		return b.s;
	}
	while ((n = fread(buf, 1, sizeof(buf), p)) > 0)
		sb_add(&b, buf, n);
	st = pclose(p);
	if (status)
		*status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	return b.s;
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
