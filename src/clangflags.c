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

struct clang_rule {
	const char *clang;		/* the flag, or its prefix */
	bool prefix;			/* match "clang..." */
	enum clang_flag_action action;
	const char *gcc;		/* CLANG_FLAG_REPLACE: GCC's spelling */
};

static const struct clang_rule rules[] = {
	/* the driver: target triple, toolchain, integrated assembler */
	{ "--target=", true, CLANG_FLAG_DROP, NULL },
	{ "--prefix=", true, CLANG_FLAG_DROP, NULL },
	{ "--gcc-toolchain=", true, CLANG_FLAG_DROP, NULL },
	{ "-fintegrated-as", false, CLANG_FLAG_DROP, NULL },
	{ "-fno-integrated-as", false, CLANG_FLAG_DROP, NULL },
	{ "-integrated-as", false, CLANG_FLAG_DROP, NULL },
	{ "-no-integrated-as", false, CLANG_FLAG_DROP, NULL },
	{ "-Qunused-arguments", false, CLANG_FLAG_DROP, NULL },
	/* options for LLVM's passes: "-mllvm -import-instr-limit=5" */
	{ "-mllvm", false, CLANG_FLAG_DROP_TWO, NULL },
	/* code generation only: GCC's names */
	{ "-mretpoline-external-thunk", false, CLANG_FLAG_REPLACE,
	  "-mindirect-branch=thunk-extern" },
	{ "-mretpoline", false, CLANG_FLAG_REPLACE, "-mindirect-branch=thunk" },
	{ "-mstack-alignment=4", false, CLANG_FLAG_REPLACE,
	  "-mpreferred-stack-boundary=2" },
	{ "-mstack-alignment=8", false, CLANG_FLAG_REPLACE,
	  "-mpreferred-stack-boundary=3" },
	{ "-mstack-alignment=16", false, CLANG_FLAG_REPLACE,
	  "-mpreferred-stack-boundary=4" },
	/* code generation only, clang's alone */
	{ "-mstack-alignment=", true, CLANG_FLAG_DROP, NULL },
	{ "-mno-global-merge", false, CLANG_FLAG_DROP, NULL },
	{ "-enable-trivial-auto-var-init-zero-knowing-it-will-be-removed-from-clang",
	  false, CLANG_FLAG_DROP, NULL },
	{ "-fsanitize=kcfi", false, CLANG_FLAG_DROP, NULL },
	{ "-fsanitize-kcfi-", true, CLANG_FLAG_DROP, NULL },
	{ "-fsanitize-cfi-", true, CLANG_FLAG_DROP, NULL },
	{ "-fno-sanitize-cfi-", true, CLANG_FLAG_DROP, NULL },
	{ "-fsplit-lto-unit", false, CLANG_FLAG_DROP, NULL },
	{ "-flto=thin", false, CLANG_FLAG_DROP, NULL },
	{ "-flto=full", false, CLANG_FLAG_DROP, NULL },
	{ "-fno-discard-value-names", false, CLANG_FLAG_DROP, NULL },
	{ "-falloc-token-max=", true, CLANG_FLAG_DROP, NULL },
	{ "-fexperimental-late-parse-attributes", false, CLANG_FLAG_DROP,
	  NULL },
	{ "-fdebug-info-for-profiling", false, CLANG_FLAG_DROP, NULL },
	/*
	 * Code generation only, and in GCC only from some version on (12:
	 * auto-var-init and the cs prefix, 13: strict flex arrays, 15: padding
	 * bits): a syntax-only run is the same without them, whichever GCC.
	 */
	{ "-ftrivial-auto-var-init=", true, CLANG_FLAG_DROP, NULL },
	{ "-fzero-init-padding-bits=", true, CLANG_FLAG_DROP, NULL },
	{ "-fstrict-flex-arrays=", true, CLANG_FLAG_DROP, NULL },
	{ "-mindirect-branch-cs-prefix", false, CLANG_FLAG_DROP, NULL },
	/* diagnostics GCC spells differently */
	{ "-Wno-initializer-overrides", false, CLANG_FLAG_REPLACE,
	  "-Wno-override-init" },
	{ "-Winitializer-overrides", false, CLANG_FLAG_REPLACE,
	  "-Woverride-init" },
	/*
	 * kbuild re-enables these after clang's -Wno-format; GCC knows them
	 * only as parts of -Wformat and warns that they are ignored.
	 */
	{ "-Wformat-extra-args", false, CLANG_FLAG_DROP, NULL },
	{ "-Wformat-zero-length", false, CLANG_FLAG_DROP, NULL },
	{ "-fdiagnostics-show-inlining-chain", false, CLANG_FLAG_DROP, NULL },
};

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

enum clang_flag_action clang_flag(const char *flag, const char **gcc)
{
	size_t i;

	*gcc = NULL;
	for (i = 0; i < ARRAY_SIZE(rules); i++) {
		const struct clang_rule *r = &rules[i];

		if (r->prefix ? strncmp(flag, r->clang, strlen(r->clang)) :
				strcmp(flag, r->clang))
			continue;
		*gcc = r->gcc;
		return r->action;
	}
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
