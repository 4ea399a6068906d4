// SPDX-License-Identifier: GPL-2.0
/*
 * Child processes and scratch directories.
 *
 * Every child is started from an argv vector: names from patches, commits,
 * ranges, mails, paths and the environment never meet a shell.  Each child
 * gets its own process group so that a run ended by SIGINT or SIGTERM can
 * end its children too; scratch directories are registered here and
 * removed on every exit path (return from main, die(), those signals).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cpuidcheck.h"

extern char **environ;

void av_add(struct argv *a, const char *s)
{
	if (a->n + 2 > a->size) {
		a->size = (a->n + 2) * 2;
		a->v = xrealloc(a->v, a->size * sizeof(char *));
	}
	a->v[a->n++] = xstrdup(s);
	a->v[a->n] = NULL;
}

/* An argument made as printf() makes a string */
void av_addf(struct argv *a, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	av_add(a, s);
	free(s);
}

void av_addv(struct argv *a, const char *first, ...)
{
	va_list ap;
	const char *s;

	va_start(ap, first);
	for (s = first; s; s = va_arg(ap, const char *))
		av_add(a, s);
	va_end(ap);
}

void av_free(struct argv *a)
{
	int i;

	for (i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	memset(a, 0, sizeof(*a));
}

/*
 * Split a command line that kbuild wrote (a .cmd file) into words, with
 * the shell's quoting ('...', "...", \x) and nothing else: a command that
 * needs an expansion, a redirection or a second command is refused (false).
 * Words after @stop (the unit's source) are dropped.
 */
bool split_command(const char *s, const char *stop, struct argv *a)
{
	struct sbuf w = { 0 };
	bool in_word = false;

	sb_add(&w, "", 0);
	for (;; s++) {
		if (!*s || *s == ' ' || *s == '\t' || *s == '\n') {
			if (in_word) {
				av_add(a, w.s);
				if (stop && !strcmp(w.s, stop))
					break;
			}
			w.len = 0;
			w.s[0] = '\0';
			in_word = false;
			if (!*s)
				break;
			continue;
		}
		in_word = true;
		if (*s == '\'') {
			const char *e = strchr(s + 1, '\'');

			if (!e)
				goto bad;
			sb_add(&w, s + 1, e - s - 1);
			s = e;
		} else if (*s == '"') {
			for (s++; *s && *s != '"'; s++) {
				if (*s == '$' || *s == '`')
					goto bad;
				if (*s == '\\' && strchr("\\\"$`", s[1]))
					s++;
				sb_add(&w, s, 1);
			}
			if (!*s)
				goto bad;
		} else if (*s == '\\' && s[1]) {
			sb_add(&w, ++s, 1);
		} else if (strchr("$`;&|<>(){}*?[~#", *s)) {
			if (*s == '#' && w.len)
				sb_add(&w, s, 1);
			else
				goto bad;
		} else {
			sb_add(&w, s, 1);
		}
	}
	free(w.s);
	return true;
bad:
	free(w.s);
	return false;
}

/* ---- scratch directories and the end of a run ---- */

#define MAX_SCRATCH	16
#define MAX_CHILDREN	64

static char *scratch[MAX_SCRATCH];
static pid_t children[MAX_CHILDREN];

static void track_child(pid_t pid, bool on)
{
	int i;

	for (i = 0; i < MAX_CHILDREN; i++) {
		if (on && !children[i]) {
			children[i] = pid;
			return;
		}
		if (!on && children[i] == pid) {
			children[i] = 0;
			return;
		}
	}
}

static void end_children(void)
{
	int i;

	for (i = 0; i < MAX_CHILDREN; i++)
		if (children[i] > 0)
			kill(-children[i], SIGKILL);
}

static int rm_one(const char *path, const struct stat *st, int flag,
		  struct FTW *ftw)
{
	if (flag == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

static int make_writable(const char *path, const struct stat *st, int flag,
			 struct FTW *ftw)
{
	if (flag == FTW_D && (st->st_mode & 0700) != 0700)
		chmod(path, st->st_mode | 0700);
	return 0;
}

/* Remove @path and everything below it; symbolic links are not followed. */
void rm_rf(const char *path)
{
	nftw(path, make_writable, 16, FTW_PHYS);
	nftw(path, rm_one, 16, FTW_PHYS | FTW_DEPTH);
}

static void cleanup_all(void)
{
	int i;

	end_children();
	for (i = 0; i < MAX_SCRATCH; i++) {
		if (scratch[i]) {
			rm_rf(scratch[i]);
			scratch[i] = NULL;
		}
	}
}

static void on_signal(int sig)
{
	cleanup_all();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void setup_cleanup(void)
{
	static bool done;
	struct sigaction sa = { .sa_handler = on_signal };

	if (done)
		return;
	done = true;
	atexit(cleanup_all);
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGPIPE, &sa, NULL);
}

/* Remove @dir when the run ends, however it ends. */
void scratch_register(const char *dir)
{
	int i;

	setup_cleanup();
	for (i = 0; i < MAX_SCRATCH; i++) {
		if (!scratch[i]) {
			scratch[i] = xstrdup(dir);
			return;
		}
	}
	die("too many scratch directories");
}

/* @dir is no longer scratch (it was renamed or removed). */
void scratch_forget(const char *dir)
{
	int i;

	for (i = 0; i < MAX_SCRATCH; i++) {
		if (scratch[i] && !strcmp(scratch[i], dir)) {
			free(scratch[i]);
			scratch[i] = NULL;
		}
	}
}

/*
 * Scratch directories of runs that were killed (SIGKILL, a crash): their
 * lock is free.  A directory without a lock yet is being made; it is left.
 */
static void remove_stale_scratch(const char *cache)
{
	struct dirent *e;
	DIR *d = opendir(cache);

	while (d && (e = readdir(d))) {
		const char *dot = strrchr(e->d_name, '.');
		char *lock;
		int fd;

		if (!dot || dot == e->d_name || strlen(dot) != 7)
			continue;
		lock = xasprintf("%s/%s/.lock", cache, e->d_name);
		fd = open(lock, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
		if (fd >= 0 && !flock(fd, LOCK_EX | LOCK_NB)) {
			char *dir = xasprintf("%s/%s", cache, e->d_name);

			rm_rf(dir);
			free(dir);
		}
		if (fd >= 0)
			close(fd);
		free(lock);
	}
	if (d)
		closedir(d);
}

/*
 * A new directory $cache/@what.XXXXXX, removed when the run ends however
 * it ends (scratch_done() removes it earlier).
 */
char *scratch_dir(const char *what)
{
	char *cache = cache_dir(), *t, *lock;
	int fd;

	if (mkdir_p(cache) || access(cache, W_OK))
		die("cache %s is not writable (set CPUIDCHECK_CACHE or XDG_CACHE_HOME)",
		    cache);
	remove_stale_scratch(cache);
	t = xasprintf("%s/%s.XXXXXX", cache, what);
	if (!mkdtemp(t))
		die("cannot create a scratch directory in %s: %s", cache,
		    strerror(errno));
	scratch_register(t);
	lock = xasprintf("%s/.lock", t);
	fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (fd < 0 || flock(fd, LOCK_EX))
		die("cannot lock %s: %s", lock, strerror(errno));
	free(lock);
	free(cache);
	return t;	/* the lock is held until the run ends */
}

void scratch_done(const char *dir)
{
	rm_rf(dir);
	scratch_forget(dir);
}

/* ---- running ---- */

static void child_limits(const struct limits *lim)
{
	struct rlimit r;

	if (!lim)
		return;
	if (lim->cpu_seconds) {
		r.rlim_cur = r.rlim_max = lim->cpu_seconds;
		setrlimit(RLIMIT_CPU, &r);
	}
	if (lim->memory_mb) {
		r.rlim_cur = r.rlim_max = (rlim_t)lim->memory_mb << 20;
		setrlimit(RLIMIT_AS, &r);
	}
	if (lim->file_mb) {
		r.rlim_cur = r.rlim_max = (rlim_t)lim->file_mb << 20;
		setrlimit(RLIMIT_FSIZE, &r);
	}
}

/*
 * Start @argv[0] (looked up in PATH) in @p->cwd, in a process group of its
 * own.  stdin is @p->in (default /dev/null); stdout goes to @p->out (NULL:
 * inherited) and stderr to @p->err (NULL: where stdout goes).  @p->env:
 * "NAME=value" strings added to the environment.
 */
pid_t spawn_argv(char *const argv[], const struct run *p)
{
	static const struct run none;
	pid_t pid;

	if (!p)
		p = &none;
	setup_cleanup();
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid) {
		setpgid(pid, pid);
		track_child(pid, true);
		return pid;
	}
	setpgid(0, 0);
	signal(SIGPIPE, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	if (p->cwd && chdir(p->cwd))
		_exit(127);
	{
		int in = open(p->in ? p->in : "/dev/null", O_RDONLY);

		if (in < 0)
			_exit(127);
		dup2(in, 0);
		if (in)
			close(in);
	}
	if (p->out_fd > 0) {
		dup2(p->out_fd, 1);
	} else if (p->out) {
		int fd = open(p->out, O_WRONLY | O_CREAT |
			      (p->append ? O_APPEND : O_TRUNC), 0666);

		if (fd < 0)
			_exit(127);
		dup2(fd, 1);
		close(fd);
	}
	if (p->err) {
		int fd = open(p->err, O_WRONLY | O_CREAT | O_TRUNC, 0666);

		if (fd < 0)
			_exit(127);
		dup2(fd, 2);
		close(fd);
	} else if (p->out || p->out_fd > 0) {
		dup2(1, 2);
	}
	if (p->out_fd > 2)
		close(p->out_fd);
	for (int i = 0; p->env && p->env[i]; i++) {
		if (strchr(p->env[i], '='))
			putenv(p->env[i]);
		else
			unsetenv(p->env[i]);
	}
	child_limits(p->limits);
	execvp(argv[0], argv);
	_exit(127);
}

/* The exit status of @pid: 128+N for signal N, -1 on failure. */
int wait_child(pid_t pid, const struct limits *lim)
{
	time_t end = lim && lim->wall_seconds ?
		     time(NULL) + lim->wall_seconds : 0;
	int status;

	for (;;) {
		pid_t r = waitpid(pid, &status, end ? WNOHANG : 0);

		if (r == pid)
			break;
		if (r < 0 && errno != EINTR) {
			track_child(pid, false);
			return -1;
		}
		if (end && r == 0) {
			if (time(NULL) >= end)
				kill(-pid, SIGKILL);
			else
				usleep(20000);
		}
	}
	kill(-pid, SIGKILL);	/* whatever the child left behind */
	track_child(pid, false);
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

int run_argv(char *const argv[], const struct run *p)
{
	pid_t pid = spawn_argv(argv, p);

	if (pid < 0)
		return -1;
	return wait_child(pid, p ? p->limits : NULL);
}

/* Run @argv; its stdout is returned (stderr: @p->err, else /dev/null). */
char *capture_argv(char *const argv[], const struct run *p, int *status)
{
	struct run r = p ? *p : (struct run){ 0 };
	struct sbuf b = { 0 };
	char buf[65536];
	int fds[2], st;
	ssize_t n;
	pid_t pid;

	sb_add(&b, "", 0);
	if (!r.err)
		r.err = "/dev/null";
	r.out = NULL;
	if (pipe(fds)) {
		if (status)
			*status = -1;
		return b.s;
	}
	r.out_fd = fds[1];
	pid = spawn_argv(argv, &r);
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		if (status)
			*status = -1;
		return b.s;
	}
	while ((n = read(fds[0], buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		sb_add(&b, buf, n);
	}
	close(fds[0]);
	st = wait_child(pid, r.limits);
	if (status)
		*status = st;
	return b.s;
}

/* run_argv() of the words @first, ... up to a NULL. */
int run_cmd(const struct run *p, const char *first, ...)
{
	struct argv a = { 0 };
	const char *s;
	va_list ap;
	int st;

	va_start(ap, first);
	for (s = first; s; s = va_arg(ap, const char *))
		av_add(&a, s);
	va_end(ap);
	st = run_argv(a.v, p);
	av_free(&a);
	return st;
}

/* capture_argv() of the words @first, ... up to a NULL. */
char *capture_cmd(const struct run *p, int *status, const char *first, ...)
{
	struct argv a = { 0 };
	const char *s;
	va_list ap;
	char *out;

	va_start(ap, first);
	for (s = first; s; s = va_arg(ap, const char *))
		av_add(&a, s);
	va_end(ap);
	out = capture_argv(a.v, p, status);
	av_free(&a);
	return out;
}

/* The output of a short git command in @repo, NULL unless it succeeded. */
char *git_capture(const char *repo, const char *first, ...)
{
	struct argv a = { 0 };
	struct run r = { .cwd = repo };
	const char *s;
	va_list ap;
	char *out;
	int st;

	av_addv(&a, "git", "-c", "core.quotePath=false", NULL);
	va_start(ap, first);
	for (s = first; s; s = va_arg(ap, const char *))
		av_add(&a, s);
	va_end(ap);
	out = capture_argv(a.v, &r, &st);
	av_free(&a);
	if (st) {
		free(out);
		return NULL;
	}
	return out;
}

/* Whether @name is an executable in $PATH. */
bool have_program(const char *name)
{
	const char *path = getenv("PATH"), *p;

	for (p = path ? path : "/usr/bin:/bin"; *p; ) {
		size_t n = strcspn(p, ":");
		char *f = xasprintf("%.*s/%s", (int)n, p, name);
		bool ok = n && !access(f, X_OK);

		free(f);
		if (ok)
			return true;
		p += n + (p[n] == ':');
	}
	return false;
}
