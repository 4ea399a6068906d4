// SPDX-License-Identifier: GPL-2.0
/*
 * A clang-built tree's compile flags, translated for GCC.
 *
 * `make LLVM=1` hands every unit clang's flags; the plugin only loads into
 * the GCC it was built for, which rejects many of them.  The checks run
 * GCC with -fsyntax-only, so a flag that only steers code generation,
 * assembly or clang's own diagnostics can be dropped without changing what
 * the unit means; a flag GCC spells differently is replaced.  Anything not
 * listed is kept: if GCC still refuses it, the unit can't be checked and
 * the caller says so.
 *
 * Learned from the .cmd files of `make LLVM=1` builds of arch/x86/kvm/
 * (6.12, bookworm's clang 14) and from the clang branches of the kernel's
 * Makefile, scripts/Makefile.clang, scripts/Makefile.extrawarn and
 * arch/x86/Makefile in 5.10, 6.1, 6.12 and 7.2.
 */
#include <string.h>

#include "cpuidcheck.h"

/* GCC's spelling of a clang flag that steers code generation or warnings */
static const char *const replaced[][2] = {
	{ "-mretpoline-external-thunk", "-mindirect-branch=thunk-extern" },
	{ "-mretpoline", "-mindirect-branch=thunk" },
	{ "-mstack-alignment=4", "-mpreferred-stack-boundary=2" },
	{ "-mstack-alignment=8", "-mpreferred-stack-boundary=3" },
	{ "-mstack-alignment=16", "-mpreferred-stack-boundary=4" },
	/* diagnostics GCC spells differently */
	{ "-Wno-initializer-overrides", "-Wno-override-init" },
	{ "-Winitializer-overrides", "-Woverride-init" },
};

/* Flags dropped: the flag itself, or (ending in '*') any it begins */
static const char *const dropped[] = {
	/* the driver: target triple, toolchain, integrated assembler */
	"--target=*", "--prefix=*", "--gcc-toolchain=*", "-fintegrated-as",
	"-fno-integrated-as", "-integrated-as", "-no-integrated-as",
	"-Qunused-arguments",
	/* code generation only, clang's alone */
	"-mstack-alignment=*", "-mno-global-merge",
	"-enable-trivial-auto-var-init-zero-knowing-it-will-be-removed-from-clang",
	"-fsanitize=kcfi", "-fsanitize-kcfi-*", "-fsanitize-cfi-*",
	"-fno-sanitize-cfi-*", "-fsplit-lto-unit", "-flto=thin", "-flto=full",
	"-fno-discard-value-names", "-falloc-token-max=*",
	"-fexperimental-late-parse-attributes", "-fdebug-info-for-profiling",
	/*
	 * Code generation only, and in GCC only from some version on (12:
	 * auto-var-init and the cs prefix, 13: strict flex arrays, 15: padding
	 * bits): a syntax-only run is the same without them, whichever GCC.
	 */
	"-ftrivial-auto-var-init=*", "-fzero-init-padding-bits=*",
	"-fstrict-flex-arrays=*", "-mindirect-branch-cs-prefix",
	/*
	 * kbuild re-enables these after clang's -Wno-format; GCC knows them
	 * only as parts of -Wformat and warns that they are ignored.
	 */
	"-Wformat-extra-args", "-Wformat-zero-length",
	"-fdiagnostics-show-inlining-chain",
};

/* Options for LLVM's passes, dropped with their argument: -mllvm X */
static const char *const dropped_with_argument[] = { "-mllvm" };

/*
 * Warnings only clang has: -WNAME, -Wno-NAME and -Werror=NAME are dropped
 * (GCC rejects -WNAME and -Werror=NAME, and names an unknown -Wno-NAME in a
 * note whenever the unit has another diagnostic).
 */
static const char *const clang_warnings[] = {
	"unknown-warning-option", "ignored-optimization-argument",
	"option-ignored", "unused-command-line-argument",
	"format-insufficient-args", "format-invalid-specifier",
	"gnu", "microsoft-anon-tag", "unaligned-access",
	"tautological-constant-out-of-range-compare",
	"pointer-to-enum-cast", "enum-compare-conditional",
	"enum-enum-conversion", "gnu-variable-sized-type-not-at-end",
	"default-const-init-unsafe", "default-const-init-field-unsafe",
	"default-const-init-var-unsafe", "format-overflow-non-kprintf",
	"format-truncation-non-kprintf", "thread-safety",
	"cast-function-type-strict", "missing-variable-declarations",
};

static bool clang_warning(const char *flag)
{
	const char *name;
	size_t i;

	if (strncmp(flag, "-W", 2))
		return false;
	name = flag + 2;
	if (!strncmp(name, "no-", 3))
		name += 3;
	else if (!strncmp(name, "error=", 6))
		name += 6;
	for (i = 0; i < ARRAY_SIZE(clang_warnings); i++)
		if (!strcmp(name, clang_warnings[i]))
			return true;
	return false;
}

/* Whether @flag is @pattern, or begins with it if that ends in '*' */
static bool flag_is(const char *flag, const char *pattern)
{
	size_t n = strlen(pattern);

	return pattern[n - 1] == '*' ? !strncmp(flag, pattern, n - 1) :
	       !strcmp(flag, pattern);
}

enum clang_flag_action clang_flag(const char *flag, const char **gcc)
{
	size_t i;

	*gcc = NULL;
	for (i = 0; i < ARRAY_SIZE(replaced); i++)
		if (!strcmp(flag, replaced[i][0])) {
			*gcc = replaced[i][1];
			return CLANG_FLAG_REPLACE;
		}
	for (i = 0; i < ARRAY_SIZE(dropped); i++)
		if (flag_is(flag, dropped[i]))
			return CLANG_FLAG_DROP;
	for (i = 0; i < ARRAY_SIZE(dropped_with_argument); i++)
		if (!strcmp(flag, dropped_with_argument[i]))
			return CLANG_FLAG_DROP_TWO;
	return clang_warning(flag) ? CLANG_FLAG_DROP : CLANG_FLAG_KEEP;
}

/*
 * clang's flags @in[0..@n-1] for GCC: @out (room for @n) gets the kept
 * flags and GCC's spellings, in order; returns how many.  *@changed tells
 * whether any flag was clang's (the command line is clang's).
 */
int clang_translate(char *const *in, int n, const char **out, bool *changed)
{
	int i, k = 0;

	*changed = false;
	for (i = 0; i < n; i++) {
		const char *gcc;

		switch (clang_flag(in[i], &gcc)) {
		case CLANG_FLAG_KEEP:
			out[k++] = in[i];
			continue;
		case CLANG_FLAG_REPLACE:
			out[k++] = gcc;
			break;
		case CLANG_FLAG_DROP_TWO:
			i++;
			break;
		case CLANG_FLAG_DROP:
			break;
		}
		*changed = true;
	}
	return k;
}

/* Is @cc clang (a path, a versioned or a target-prefixed name)? */
bool clang_compiler(const char *cc)
{
	const char *base = strrchr(cc, '/');

	base = base ? base + 1 : cc;
	return strstr(base, "clang") != NULL;
}
