/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cpuidcheck: the command that runs cpuidcheck's engines on a kernel tree,
 * inside kbuild's C=1/C=2 checker hook, and on patches before they are sent.
 */
#ifndef CPUIDCHECK_H
#define CPUIDCHECK_H

#include <sys/types.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The GCC the plugin was built for (make CC=...); CPUIDCHECK_CC overrides. */
#ifndef DEFAULT_CC
#define DEFAULT_CC	"gcc"
#endif

#define EXIT_CLEAN	0
#define EXIT_FINDINGS	1
#define EXIT_TROUBLE	2

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- util.c ---- */
extern const char *prog;
extern bool verbose;

void die(const char *fmt, ...);
void note(const char *fmt, ...);
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...);
bool starts_with(const char *s, const char *prefix);
bool ends_with(const char *s, const char *suffix);
bool is_dir(const char *path);
bool is_file(const char *path);
char *read_file(const char *path, size_t *len);
bool write_file(const char *path, const char *data, size_t len);
int mkdir_p(const char *path);
void rm_rf(const char *path);
char *shell_quote(const char *s);
pid_t spawn_shell(const char *cwd, const char *cmd, const char *out_path);
int run_shell(const char *cwd, const char *cmd, const char *out_path);
char *run_capture(const char *cwd, const char *cmd, int *status);
char *cache_dir(void);
char *self_dir(void);
char *find_part(const char *rel_src, const char *rel_installed);
unsigned long long hash_str(const char *s, unsigned long long h);

/* growable string */
struct sbuf {
	char *s;
	size_t len, size;
};
void sb_add(struct sbuf *b, const char *s, size_t n);
void sb_puts(struct sbuf *b, const char *s);
void sb_printf(struct sbuf *b, const char *fmt, ...);

/* ---- findings.c ---- */
struct finding {
	char *file;		/* relative to the tree */
	int line, column;
	char *check;		/* cpuid-leaf, cpuid-alias, cpuid-cr4 */
	char *message;		/* without the [check] tag */
	char *feature;		/* X86_FEATURE_x or NULL */
	char *place;		/* CPUID.(EAX=7,ECX=0):EBX[7] or NULL */
	char *fix;		/* the text after the last "; " */
	int patch_line;		/* patch mode: line of the patch, or 0 */
	char *source_line;	/* patch mode: the line's text */
};

char *finding_key(const struct finding *f);

struct findings {
	struct finding *v;
	int n, size;
	int suppressed;
};

bool parse_finding_line(const char *line, struct finding *f);
void findings_add(struct findings *fs, struct finding *f);
void findings_sort_unique(struct findings *fs);
void finding_free(struct finding *f);

enum format { FMT_TEXT, FMT_JSON, FMT_SARIF, FMT_CHECKPATCH, FMT_TERSE,
	      FMT_HTML, FMT_B4 };
int parse_format(const char *s);
void print_findings(FILE *out, const struct findings *fs, enum format fmt,
		    const char *what, int lines_checked);
void print_summary(FILE *out, const struct findings *fs);
void json_str(FILE *out, const char *s);

/* ---- tree.c ---- */
struct options {
	const char *ksrc;
	const char *build;
	const char *engine;		/* plugin, cocci, both */
	const char *plugin;
	const char *cc;
	const char *suppress[8];
	int nr_suppress;
	char disable[256];
	bool error;
	bool no_config;
	bool rebuild;
	int jobs;
	enum format format;
	struct sbuf *records;		/* if set: the units' records */
};

struct overlay {
	const char *dir;	/* files that replace the tree's */
};

char *tree_root(const char *path);
int check_tree(struct options *o, const char *ksrc,
	       const struct overlay *ov, struct findings *fs);
void load_tree_config(struct options *o, const char *ksrc);
char *plugin_path(const struct options *o);

/* ---- records.c ---- */
int record_file_field(const char *kind);

/* ---- review.c ---- */
int review_main(struct options *o, int argc, char **argv);
void undeclared_check(const char *records, const char *ksrc,
		      const char *ovdir, struct findings *fs);
void usage_error(const char *fmt, const char *arg);
bool opt(const char *name, int argc, char **argv, int *i, const char **v);

/* ---- checker.c ---- */
bool looks_like_kbuild_call(int argc, char **argv);
int checker_main(int argc, char **argv, bool error, bool sparse,
		 const char *plugin);

/* ---- patch.c ---- */
int patch_main(struct options *o, const char *patch, const char *range);
int install_hook(const char *cmd);

#endif
