/* Minimal kernel-shaped basics for cpuidcheck unit cases (not kernel code). */
#ifndef MINI_TYPES_H
#define MINI_TYPES_H

typedef unsigned int u32;
typedef unsigned long long u64;
typedef _Bool bool;

#define true	1
#define false	0

#define __always_inline	inline __attribute__((__always_inline__))
#define __maybe_unused	__attribute__((__unused__))

/*
 * The cases check cpuidcheck's findings, not the compiler's asserts: keep the
 * condition visible to the compiler (so its operands count as used) but never
 * fail the build.
 */
#define BUILD_BUG_ON(cond)	((void)sizeof(cond))

#define BIT(nr)			(1U << (nr))
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))

#define CONFIG_X86_64		1
#define IS_ENABLED(option)	(option)

#endif
