// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test of src/clangflags.c (tests/program/run builds and runs it).
 *
 *   clangflags-test            the decisions below; prints one line per
 *                              failure, exit 1 if any
 *   clangflags-test FLAG...    the GCC flags for clang's FLAG..., one a line
 */
#include <stdio.h>
#include <string.h>

#include "../../src/cpuidcheck.h"

static const struct {
	const char *clang;
	enum clang_flag_action action;
	const char *gcc;
} want[] = {
	{ "--target=x86_64-linux-gnu", CLANG_FLAG_DROP, NULL },
	{ "-fintegrated-as", CLANG_FLAG_DROP, NULL },
	{ "-fno-integrated-as", CLANG_FLAG_DROP, NULL },
	{ "--prefix=/usr/bin/", CLANG_FLAG_DROP, NULL },
	{ "-Werror=unknown-warning-option", CLANG_FLAG_DROP, NULL },
	{ "-Werror=ignored-optimization-argument", CLANG_FLAG_DROP, NULL },
	{ "-Werror=option-ignored", CLANG_FLAG_DROP, NULL },
	{ "-Werror=unused-command-line-argument", CLANG_FLAG_DROP, NULL },
	{ "-Wno-gnu", CLANG_FLAG_DROP, NULL },
	{ "-Wno-microsoft-anon-tag", CLANG_FLAG_DROP, NULL },
	{ "-Wformat-insufficient-args", CLANG_FLAG_DROP, NULL },
	{ "-Wno-tautological-constant-out-of-range-compare", CLANG_FLAG_DROP,
	  NULL },
	{ "-mretpoline-external-thunk", CLANG_FLAG_REPLACE,
	  "-mindirect-branch=thunk-extern" },
	{ "-mstack-alignment=8", CLANG_FLAG_REPLACE,
	  "-mpreferred-stack-boundary=3" },
	{ "-Wno-initializer-overrides", CLANG_FLAG_REPLACE,
	  "-Wno-override-init" },
	{ "-mllvm", CLANG_FLAG_DROP_TWO, NULL },
	{ "-enable-trivial-auto-var-init-zero-knowing-it-will-be-removed-from-clang",
	  CLANG_FLAG_DROP, NULL },
	{ "-ftrivial-auto-var-init=zero", CLANG_FLAG_DROP, NULL },
	{ "-fsanitize=kcfi", CLANG_FLAG_DROP, NULL },
	/* both compilers' flags stay */
	{ "-Wall", CLANG_FLAG_KEEP, NULL },
	{ "-Wno-unused-but-set-variable", CLANG_FLAG_KEEP, NULL },
	{ "-Werror=implicit-function-declaration", CLANG_FLAG_KEEP, NULL },
	{ "-mno-red-zone", CLANG_FLAG_KEEP, NULL },
	{ "-mcmodel=kernel", CLANG_FLAG_KEEP, NULL },
	{ "-fno-strict-aliasing", CLANG_FLAG_KEEP, NULL },
	{ "-D__KERNEL__", CLANG_FLAG_KEEP, NULL },
	{ "-Wgnu-ish", CLANG_FLAG_KEEP, NULL },	/* a prefix is not a name */
	{ "--target", CLANG_FLAG_KEEP, NULL },	/* nor is a flag without = */
};

static int self_test(void)
{
	int bad = 0;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		const char *gcc;
		enum clang_flag_action a = clang_flag(want[i].clang, &gcc);

		if (a != want[i].action ||
		    (want[i].gcc && (!gcc || strcmp(gcc, want[i].gcc)))) {
			printf("%s: action %d (want %d), gcc %s (want %s)\n",
			       want[i].clang, a, want[i].action,
			       gcc ? gcc : "-",
			       want[i].gcc ? want[i].gcc : "-");
			bad++;
		}
	}
	{
		static char *const in[] = {
			"-O2", "--target=x86_64-linux-gnu", "-mllvm", "-x",
			"-mstack-alignment=8", "-Wall"
		};
		const char *out[ARRAY_SIZE(in)];
		bool changed;
		int n = clang_translate(in, ARRAY_SIZE(in), out, &changed);

		if (n != 3 || !changed || strcmp(out[0], "-O2") ||
		    strcmp(out[1], "-mpreferred-stack-boundary=3") ||
		    strcmp(out[2], "-Wall")) {
			printf("clang_translate() is wrong\n");
			bad++;
		}
		n = clang_translate(in, 1, out, &changed);
		if (n != 1 || changed) {
			printf("clang_translate() of GCC's flags is wrong\n");
			bad++;
		}
	}
	if (!clang_compiler("clang") || !clang_compiler("/usr/bin/clang-14") ||
	    !clang_compiler("x86_64-linux-gnu-clang") ||
	    clang_compiler("gcc") || clang_compiler("/opt/clang/bin/gcc")) {
		printf("clang_compiler() is wrong\n");
		bad++;
	}
	return bad ? 1 : 0;
}

int main(int argc, char **argv)
{
	const char *out[4096];
	bool changed;
	int i, n;

	if (argc == 1)
		return self_test();
	if (argc - 1 > (int)ARRAY_SIZE(out))
		return 2;
	n = clang_translate(argv + 1, argc - 1, out, &changed);
	for (i = 0; i < n; i++)
		puts(out[i]);
	return 0;
}
