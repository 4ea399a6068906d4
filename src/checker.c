// SPDX-License-Identifier: GPL-2.0
/*
 * kbuild's checker hook: make C=1|2 CHECK=cpuidcheck runs
 *   cpuidcheck $(CHECKFLAGS) $(c_flags) file.c
 * from the object tree.  The sparse-only flags are dropped and the unit is
 * compiled syntax-only with the plugin and its real flags; a clang-built
 * tree's (make LLVM=1) are first translated for GCC (clangflags.c).  A
 * unit GCC cannot compile is not checked: one line and exit 2, so the
 * build stops rather than pass unchecked.  Findings are
 * printed; the exit status is 0 unless --error or CPUIDCHECK_ERROR=1, so
 * C=1 never breaks a build by default.  The plugin's records tell a
 * finding from a failure, and with CPUIDCHECK_RECORDS=DIR they are kept
 * there for cpuidcheck report DIR.  7.x first runs
 * scripts/checker-valid.sh: `cpuidcheck $(CHECKFLAGS) tmpfile` on a
 * __typeof_unqual__ probe; that call is not a kernel unit, so it prints
 * nothing (no "error") and the checker stays enabled.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpuidcheck.h"

/* sparse's own flags, which GCC would reject or misread */
static bool sparse_only(const char *a)
{
	static const char *const exact[] = {
		"-Wbitwise", "-Wno-bitwise", "-Wreturn-void", "-Wno-return-void",
		"-Wunknown-attribute", "-Wno-unknown-attribute", "-Wcontext",
		"-Wno-context", "-Wdecl", "-Wno-decl", "-Wtypesign",
		"-Wno-typesign", "-Wptr-subtraction-blows", "-Wcast-to-as",
		"-Wno-cast-to-as", "-Waddress-space", "-Wno-address-space",
		"-Wdefault-bitfield-sign", "-Wdo-while", "-Wenum-mismatch",
		"-Wnon-pointer-null", "-Wno-non-pointer-null",
		"-Wone-bit-signed-bitfield", "-Wparen-string",
		"-Wtransparent-union", "-Wno-transparent-union",
		"-Wshadow-all", "-Wconstexpr-not-const", "-Wbitwise-pointer",
		"-Wno-bitwise-pointer", "-Wflexible-array-array",
		"-Wno-flexible-array-array", "-Wflexible-array-union",
		"-Wflexible-array-nested", "-Wexternal-function-has-definition",
		"-Winit-cstring", "-Wmemcpy-max-count", "-Wno-memcpy-max-count",
		"-Wuniversal-initializer", "-Wno-universal-initializer",
		"-mlittle-endian", "-mbig-endian", "-D__STDC__",
		"--error", "--sparse",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(exact); i++)
		if (!strcmp(a, exact[i]))
			return true;
	return starts_with(a, "--arch=") || starts_with(a, "--os=") ||
	       starts_with(a, "-Wsparse-") || starts_with(a, "-Wno-sparse-") ||
	       starts_with(a, "-fmax-warnings=") ||
	       starts_with(a, "-fdiagnostic-prefix") ||
	       starts_with(a, "--plugin=") || starts_with(a, "-Wp,-MMD,") ||
	       starts_with(a, "-Wp,-MD,");
}

/* kbuild's call: compiler flags and a source file last. */
bool looks_like_kbuild_call(int argc, char **argv)
{
	int i, flags = 0;

	if (argc < 3 || argv[argc - 1][0] == '-' || !is_file(argv[argc - 1]))
		return false;
	for (i = 1; i < argc - 1; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--checker"))
			return true;
		if (starts_with(a, "-D") || starts_with(a, "-I") ||
		    starts_with(a, "-W") || starts_with(a, "-f") ||
		    starts_with(a, "-m") || starts_with(a, "--arch=") ||
		    !strcmp(a, "-nostdinc") || !strcmp(a, "-include"))
			flags++;
	}
	return flags > 0;
}

static const char probe_src[] =
	"static inline int u(const int *q)\n{\n"
	"\t__typeof_unqual__(*q) v = *q;\n\treturn v;\n}\n";

/* Does sparse pass 7.x's checker-valid.sh probe? */
static bool sparse_passes_probe(void)
{
	char tmpl[] = "/tmp/cpuidcheck-probe.XXXXXX";
	int fd = mkstemp(tmpl), st;
	struct run r = { .err = NULL };
	char *out, *argv[] = { "sparse", tmpl, NULL };
	bool ok;

	if (fd < 0)
		return false;
	ok = write(fd, probe_src, sizeof(probe_src) - 1) ==
		(ssize_t)sizeof(probe_src) - 1;
	close(fd);
	r.err = "/dev/stdout";
	out = ok ? capture_argv(argv, &r, &st) : xstrdup("error");
	ok = !strstr(out, "error") && st != 127;
	unlink(tmpl);
	free(out);
	return ok;
}

static bool kvm_unit(const char *file)
{
	char *r = realpath(file, NULL);
	bool yes = r && (strstr(r, "/arch/x86/kvm/") ||
			 strstr(r, "/virt/kvm/"));

	free(r);
	return yes || getenv("CPUIDCHECK_ALL_UNITS");
}

/* GCC's first error line in @out, for the one line a refused unit gets */
static const char *first_error(char *out)
{
	char *line, *save = NULL;

	for (line = strtok_r(out, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		if (strstr(line, "error: "))
			return line;
	return "no error message";
}

/*
 * The unit's records, which the plugin wrote into @dir; each file is kept
 * in $CPUIDCHECK_RECORDS too, if set.
 */
static char *unit_records(const char *dir)
{
	const char *keep = getenv("CPUIDCHECK_RECORDS");
	DIR *d = keep && *keep ? opendir(dir) : NULL;
	struct dirent *e;

	if (d && mkdir_p(keep))
		die("CPUIDCHECK_RECORDS=%s: cannot create it", keep);
	while (d && (e = readdir(d))) {
		char *from, *to;

		if (!ends_with(e->d_name, ".rec"))
			continue;
		from = xasprintf("%s/%s", dir, e->d_name);
		to = xasprintf("%s/%s", keep, e->d_name);
		if (!copy_file_to(from, to))
			die("CPUIDCHECK_RECORDS=%s: cannot write %s", keep,
			    e->d_name);
		free(from);
		free(to);
	}
	if (d)
		closedir(d);
	return read_records(dir);
}

int checker_main(int argc, char **argv, bool error, bool sparse,
		 const char *plugin_opt)
{
	const char *file = argv[argc - 1];
	const char *cc = getenv("CPUIDCHECK_CC");
	struct options o = { .plugin = plugin_opt };
	struct run both = { .err = "/dev/stdout" };
	struct argv cmd = { 0 };
	struct findings fs = { 0 };
	bool kernel = false, clang;
	char *plugin, *arg, *out, *recdir, *rec;
	const char **flags;
	int i, n, rc = 0, st;

	for (i = 1; i < argc - 1; i++)
		if (!strcmp(argv[i], "-D__KERNEL__"))
			kernel = true;
	if (sparse && sparse_passes_probe()) {
		av_add(&cmd, "sparse");
		for (i = 1; i < argc; i++) {
			if (!strcmp(argv[i], "--error") ||
			    !strcmp(argv[i], "--sparse") ||
			    !strcmp(argv[i], "--checker") ||
			    starts_with(argv[i], "--plugin="))
				continue;
			av_add(&cmd, argv[i]);
		}
		st = run_argv(cmd.v, NULL);
		if (st && error)
			rc = 1;
		av_free(&cmd);
	}
	/* the probe, and units KVM's CPUID code is never in: nothing to say */
	if (!kernel || !ends_with(file, ".c") || !kvm_unit(file))
		return rc;
	plugin = plugin_path(&o);
	if (!cc || !*cc)
		cc = DEFAULT_CC;
	av_add(&cmd, cc);
	/* make LLVM=1 hands us clang's flags: GCC gets its own (clangflags.c) */
	flags = xmalloc(argc * sizeof(*flags));
	n = clang_translate(argv + 1, argc - 2, flags, &clang);
	for (i = 0; i < n; i++) {
		if (sparse_only(flags[i]) || !strcmp(flags[i], "--checker"))
			continue;
		av_add(&cmd, flags[i]);
	}
	free(flags);
	arg = xasprintf("-fplugin=%s", plugin);
	av_addv(&cmd, "-fsyntax-only", arg, NULL);
	free(arg);
	if (error)
		av_add(&cmd, "-fplugin-arg-cpuidcheck_plugin-error");
	recdir = scratch_dir("checker");
	arg = xasprintf("-fplugin-arg-cpuidcheck_plugin-record=%s", recdir);
	av_addv(&cmd, arg, file, NULL);
	free(arg);
	out = capture_argv(cmd.v, &both, &st);
	av_free(&cmd);
	free(plugin);
	rec = unit_records(recdir);
	findings_from_records(rec, &fs);
	free(rec);
	scratch_done(recdir);
	free(recdir);
	for (i = 0; i < fs.n; i++)
		finding_free(&fs.v[i]);
	free(fs.v);
	if (st && !(error && fs.n)) {
		/* not a finding: the unit was not checked, which is no pass */
		note("%s: not checked: %s failed (exit %d) on this %sunit: %s",
		     file, cc, st, clang ? "clang-built " : "",
		     first_error(out));
		free(out);
		return EXIT_TROUBLE;
	}
	fputs(out, stderr);
	free(out);
	return st ? 1 : rc;
}
