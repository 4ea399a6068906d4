/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cpuidcheck: the command that runs cpuidcheck's engines on a kernel tree,
 * inside kbuild's C=1/C=2 checker hook, and on patches before they are sent.
 *
 * The sources are in layers; a file calls into its own layer and the ones
 * below it, never above, and files call each other without a cycle
 * (scripts/check-layers checks both; this header is in the same order):
 *
 *   7 options    main.c: parses the command line, dispatches
 *   6 commands   report.c (tree mode, report, merge), patch.c (--patch,
 *                --git, the hook), review.c (map, review), checker.c
 *                (kbuild's C=1/C=2 hook)
 *   5 series     series.c: mails -> overlays, patches applied, each state
 *                checked (findings) or mapped, findings of two states
 *                compared; mapdiff.c: two maps compared
 *   4 check      check.c check_tree(): the engines, then the checks
 *                across units
 *   3 across     undeclared.c: cpuid-undeclared, over all units' records
 *     engines    tree.c: the plugin runner (units compiled in parallel,
 *                findings and records collected); build.c (the tree, its
 *                .cpuidcheck, its units' compile commands); cocci.c
 *   2 printers   print.c (text, JSON, SARIF, checkpatch, terse),
 *                print-map.c (map: text, JSON, HTML), print-review.c
 *                (review: text, JSON, b4, reply)
 *   1 data       findings.c (the finding record, sets, matching),
 *                records.c (the plugin's records), model.c (a tree's
 *                CPUID model, from the records), capmap.c (KVM's
 *                capability map)
 *   0 base       util.c, proc.c (children, scratch), diff.c (patches),
 *                clangflags.c, unitcache.c, checks.c (the registry); and
 *                below all, judge/ (the finding record the engines write)
 */
#ifndef CPUIDCHECK_H
#define CPUIDCHECK_H

#include <sys/types.h>

#include <stdbool.h>
#include <time.h>
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

/* ==== 0 base ==== */

/* ---- util.c ---- */
extern const char *prog;

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
bool file_has_line(const char *path, const char *line);
char *file_line(const char *path, int n);
char *read_file(const char *path, size_t *len);
bool write_file(const char *path, const char *data, size_t len);
int mkdir_p(const char *path);
void rm_rf(const char *path);
bool copy_tree(const char *from, const char *to);
bool copy_file_to(const char *from, const char *to);
void sort_lines(char *text);
bool safe_tree_path(const char *name);
bool safe_rev(const char *rev);
char *printable(const char *s);
char *cache_dir(void);
char *self_dir(void);
char *find_part(const char *rel_src, const char *rel_installed);
unsigned long long hash_str(const char *s, unsigned long long h);
void *grow(void *v, int n, size_t size);
void *find_named(const void *v, int n, size_t size, const char *name);
char *tree_text(const char *ksrc, const char *ovdir, const char *rel);
char *normalize(const char *path, const char *cwd);
char *tree_relative(const char *file, const char *cwd, const char *ksrc,
		    const char *ovdir);
void usage_error(const char *fmt, const char *arg);
bool opt(const char *name, int argc, char **argv, int *i, const char **v);

/* ---- proc.c: child processes (argv only, never a shell), scratch ---- */
struct argv {
	char **v;		/* NULL-terminated */
	int n, size;
};
void av_add(struct argv *a, const char *s);
void av_addf(struct argv *a, const char *fmt, ...);
void av_addv(struct argv *a, const char *first, ...);
void av_free(struct argv *a);
bool split_command(const char *s, const char *stop, struct argv *a);

/* Limits for compiles of untrusted code (0: none). */
struct limits {
	unsigned int cpu_seconds, wall_seconds, memory_mb, file_mb;
};

struct run {
	const char *cwd;	/* NULL: here */
	const char *in;		/* stdin; NULL: /dev/null */
	const char *out;	/* stdout; NULL: inherited */
	int out_fd;		/* or this descriptor (> 0) */
	bool append;		/* to @out, not truncating it */
	const char *err;	/* stderr; NULL: with stdout */
	char **env;		/* NAME=value set, NAME unset; NULL ends */
	const struct limits *limits;
};
pid_t spawn_argv(char *const argv[], const struct run *p);
int wait_child(pid_t pid, const struct limits *lim);
int run_argv(char *const argv[], const struct run *p);
char *capture_argv(char *const argv[], const struct run *p, int *status);
char *git_capture(const char *repo, const char *first, ...);
int run_cmd(const struct run *p, const char *first, ...);
char *capture_cmd(const struct run *p, int *status, const char *first, ...);
bool have_program(const char *name);
char *scratch_dir(const char *what);
void scratch_register(const char *dir);
void scratch_forget(const char *dir);
void scratch_done(const char *dir);

/* growable string */
struct sbuf {
	char *s;
	size_t len, size;
};
void sb_add(struct sbuf *b, const char *s, size_t n);
void sb_puts(struct sbuf *b, const char *s);
void sb_printf(struct sbuf *b, const char *fmt, ...);
void sb_wrap(struct sbuf *b, int col, const char *text);
void progress(const char *fmt, const char *arg);
void progress_done(void);

/* ---- diff.c: what a patch touches and adds (hostile input) ---- */
struct added {
	char *file;
	int line, patch_line;
	char *text;
};

struct patch_info {
	char **files;		/* every name the patch uses, validated */
	int nr_files;
	struct added *added;
	int nr_added, lines;
	int strip;		/* -p level: 1 for a/ b/ names, else 0 */
	int hunks;
	char *bad_name;		/* the first unsafe name, if any */
	const char *bad_why;	/* what is wrong with it */
};

bool patch_parse(const char *text, size_t len, struct patch_info *p);
void patch_info_free(struct patch_info *p);

/* ---- unitcache.c: per-unit results keyed by what the compile read ---- */
char **unit_keys(struct argv *const *cmds, int n, const char *ov,
		 const char *run, const char *extra);
void unitcache_prepare(char *const *keys, int n, const char *ov,
		       const char *run);
bool unitcache_get(const char *key, const char *ov, const char *shadows,
		   const char *run, char **log, char **rec);
void unitcache_put(const char *key, const char *depfile, const char *cwd,
		   const char *ov, const char *run, const char *log,
		   const char *rec, const struct timespec *started);
void unitcache_forget(void);
const char *file_id(const char *path, const char *tmpdir);

/* ---- clangflags.c ---- */
enum clang_flag_action {
	CLANG_FLAG_KEEP,	/* GCC takes it as it is */
	CLANG_FLAG_DROP,	/* clang's alone; -fsyntax-only needs none */
	CLANG_FLAG_DROP_TWO,	/* the flag and the argument after it (-mllvm X) */
	CLANG_FLAG_REPLACE,	/* GCC spells it *gcc */
};
enum clang_flag_action clang_flag(const char *flag, const char **gcc);
int clang_translate(char *const *in, int n, const char **out, bool *changed);
bool clang_compiler(const char *cc);

/* ==== 1 data ==== */

/* ---- findings.c ---- */
struct finding {
	char *file;		/* relative to the tree */
	int line, column;
	char *check;		/* cpuid-leaf, cpuid-alias, cpuid-cr4 */
	char *subject;		/* what suppressions name: CR4.X, X86_... */
	char *message;		/* without the [check] tag */
	char *feature;		/* X86_FEATURE_x or NULL */
	char *place;		/* CPUID.(EAX=7,ECX=0):EBX[7] or NULL */
	char *fix;		/* how to fix it, or NULL */
	int patch_line;		/* patch mode: line of the patch, or 0 */
	char *source_line;	/* patch mode: the line's text */
};

struct findings {
	struct finding *v;
	int n, size;
	int suppressed;
};

void findings_add(struct findings *fs, struct finding *f);
void findings_sort_unique(struct findings *fs);
void finding_free(struct finding *f);
char *subject_of(const struct finding *f);
char *finding_key(const struct finding *f);
char *finding_moved_key(const struct finding *f);
const struct finding *findings_match(const struct findings *a,
				     const struct finding *f,
				     char *(*key)(const struct finding *),
				     bool *used);
void findings_new(const struct findings *base, const struct findings *now,
		  struct findings *out);

/* ---- records.c ---- */
int record_file_field(const char *kind);
int record_split(char *line, char **f, int max);
void findings_from_records(const char *records, struct findings *fs);

/* ---- model.c: a tree's CPUID model, from the plugin's records ---- */
struct word {
	char *name;
	unsigned long fn, idx;
	int reg;			/* 0..3: EAX..EDX */
	char *place;			/* its register: CPUID.1:EDX */
};

struct fdef {
	char *name;			/* X86_FEATURE_x, KVM_X86_FEATURE_x */
	char *filed;			/* the name it is filed under */
	char *word;			/* word name, or NULL */
	int bit;
};

struct model {
	struct word *w;
	int nw;
	struct fdef *f;
	int nf;
};

void model_from_records(struct model *m, const char *records);
const struct fdef *find_def(const struct model *m, const char *name);
char *canonical(const struct model *m, const char *name);
char *place_of(const struct model *m, const char *word, int bit);
bool word_at(const struct model *m, const char *word, unsigned long *fn,
	     unsigned long *idx, int *reg);

/* ---- capmap.c: KVM's capability map, from the records ---- */
struct site {
	char *api;			/* API or wrapper */
	char *where;			/* function, or the list's word */
	char *file;
	int line;
};

struct sites {
	struct site *v;
	int n;
};

struct feat {
	char *name;
	char *word;
	char *place;
	struct sites decl, set, query, gate;
	struct findings fs;
	/* where it is, for CPUID order: the word's function, index, register */
	bool placed;
	unsigned long fn, idx;
	int reg, bit;
};

struct capmap {
	struct feat *v;
	int n;
	bool init_era;			/* 6.14+: kvm_cpu_cap_init lists */
	char *label;
	struct findings fs;
	int failed;
	char *ksrc, *ovdir;		/* its files, for quoting them */
};

void build_map(struct capmap *cm, const struct model *m,
	       const char *records);
const struct feat *find_feat(const struct capmap *cm, const char *n);
const char *base_name(const char *file);
char *advertised(const struct feat *ft);
char *gates(const struct feat *ft);
char *gating(const struct feat *ft);

/* ==== 2 printers ==== */

/* ---- print.c ---- */
enum format { FMT_TEXT, FMT_JSON, FMT_SARIF, FMT_CHECKPATCH, FMT_TERSE,
	      FMT_HTML, FMT_B4 };

/* How findings are printed. */
struct output {
	enum format format;
	const char *tree;	/* absolute: the findings' files are under it */
	const char *what;	/* checkpatch: "The patch"; NULL: the tree */
	int lines_checked;	/* checkpatch: the input's; 0: the files' */
};

int parse_format(const char *s);
void print_findings(FILE *out, const struct findings *fs,
		    const struct output *o);
void print_summary(FILE *out, const struct findings *fs);
void json_str(FILE *out, const char *s);

/* ---- print-map.c ---- */
struct map_output {
	enum format format;	/* text, json, html */
	const char *link;	/* a site's address: {path}, {line}, {rev} */
	const char *rev;	/* what {rev} stands for */
};

void print_map(FILE *out, const struct capmap *cm,
	       const struct map_output *mo);

/* ---- print-review.c (mapdiff.c makes the changes) ---- */
struct change {
	int added, removed, rewrapped, queries, cr4, introduced, fixed;
	int worst;			/* 0 pass, 1 warn, 2 fail */
	struct sbuf text;
	struct sbuf reply;		/* --format=reply: quotes, findings */
};

struct step {
	char *title;
	struct change c;
	bool broken;			/* did not apply or compile */
	bool unchecked;			/* ... only a warning: see review.c */
	char *why;			/* ... and why, when broken */
};

void print_steps(FILE *out, const struct step *s, int n, enum format fmt,
		 bool reply);

/* ==== 3 engines, checks across units ==== */

/* ---- the options of a run (main.c parses them) ---- */
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
	bool strict;		/* a patch that cannot be checked is exit 2 */
	int jobs;
	enum format format;
	bool reply;		/* review --format=reply */
	const char *link;	/* map --link */
	const char *link_rev;	/* map --rev */
	char *suppress_text;	/* KSRC/.cpuidcheck's suppress lines */
	struct sbuf *records;		/* if set: the units' records */
};

struct overlay {
	const char *dir;	/* files that replace the tree's */
	char *shadows;		/* names that can stand in for a tree file */
};

/* ---- build.c: the tree, its configuration, its units ---- */
struct unit {
	char *src;		/* as kbuild names it */
	struct argv cmd;	/* the compile command: no -c -o, deps, source */
	struct argv run;	/* what this run executes */
	char *key;		/* of its cached result */
	bool cached;		/* the result came from the cache */
	char *log;
	pid_t pid;
	struct timespec started;	/* when its compile began */
	int status;
};

char *tree_root(const char *path);
void load_tree_config(struct options *o, const char *ksrc);
char *write_suppressions(const struct options *o, const char *dir);
char *plugin_path(const struct options *o);
int jobs_of(const struct options *o);
struct unit **get_units(const struct options *o, const char *ksrc,
			char **cwd, int *n);

/* ---- tree.c: the plugin over the tree's units ---- */
int run_plugin(const struct options *o, const char *ksrc,
	       const struct overlay *ov, struct findings *fs);
const char *check_failure(void);
char *read_records(const char *dir);

/* ---- cocci.c: the Coccinelle engine ---- */
void run_cocci(const struct options *o, const char *ksrc,
	       const struct overlay *ov, struct findings *fs);

/* ---- undeclared.c ---- */
void undeclared_check(const char *records, const char *ksrc,
		      const char *ovdir, struct findings *fs);

/* ==== 4 check ==== */

/* ---- check.c ---- */
int check_tree(struct options *o, const char *ksrc,
	       const struct overlay *ov, struct findings *fs);

/* ==== 5 series ==== */

/* ---- series.c: mails and commits -> trees, with git's own tools ---- */
struct mail {
	char *subject;		/* decoded and unfolded; raw from outside */
	char *commit;		/* the "From <sha>" of format-patch, or NULL */
	char *diff;		/* the decoded patch (a file in the scratch) */
	int lines;		/* its lines in the input, as git mailsplit cut it */
	struct patch_info pi;
};

struct series {
	struct mail *v;
	int n;
};

void series_read(struct series *s, const char *input, const char *what,
		 const char *scratch);
void series_free(struct series *s);
void series_patch_info(const struct series *s, struct patch_info *all);
bool overlay_copy(const char *ksrc, const char *dir, char *const *files,
		  int n);
enum apply_result { APPLY_OK, APPLY_MISFIT };
enum apply_result overlay_apply(const char *dir, const char *diff,
				int strip, const char *what);
bool overlay_from_git(const char *ksrc, const char *rev, const char *dir,
		      char *const *files, int n);
void check_state(struct options *o, const char *ksrc, const char *dir,
		 struct findings *fs, const char *what, bool is_base);
void step_findings(const struct findings *prev, const struct findings *now,
		   struct findings *out);
void map_tree(struct options *o, const char *ksrc, const char *ovdir,
	      const char *label, struct capmap *cm);
void map_base(struct options *o, const char *ksrc, const char *ovdir,
	      const char *label, struct capmap *cm);

/* ---- mapdiff.c ---- */
void diff_maps(const struct capmap *a, const struct capmap *b,
	       struct change *c);

/* ==== 6 commands ==== */

int tree_main(struct options *o);
int patch_main(struct options *o, const char *patch, const char *range);
int install_hook(const char *cmd);		/* patch.c */
int map_main(struct options *o, const char *ksrc);
int review_trees(struct options *o, const char *old, const char *new);
int review_range(struct options *o, const char *ksrc, const char *range);
int review_mbox(struct options *o, const char *ksrc, const char *mbox);
int report_main(enum format fmt, const char *in, const char *tree);
int merge_main(const char *dir);		/* report.c */
bool looks_like_kbuild_call(int argc, char **argv);	/* checker.c */
int checker_main(int argc, char **argv, bool error, bool sparse,
		 const char *plugin);

#endif
