/*
 * Mini x86.h-style header for cpuidcheck unit cases (written for the tests):
 * CR4_RESERVED_BITS allowing VME, DE, OSXSAVE and SMEP, and the reserved-bits
 * macro gating only OSXSAVE and SMEP.  Findings about it belong to this
 * header (the macro's #define below, line 14), not to the units expanding it.
 */
#ifndef MINI_CR4_RSVD_LEGACY_H
#define MINI_CR4_RSVD_LEGACY_H

#include "cr4.h"

#define CR4_RESERVED_BITS (~(unsigned long)(X86_CR4_VME | X86_CR4_DE | X86_CR4_OSXSAVE | X86_CR4_SMEP))

#define __cr4_reserved_bits(__cpu_has, __c)             \
({                                                      \
	u64 __reserved_bits = CR4_RESERVED_BITS;        \
                                                        \
	if (!__cpu_has(__c, X86_FEATURE_XSAVE))         \
		__reserved_bits |= X86_CR4_OSXSAVE;     \
	if (!__cpu_has(__c, X86_FEATURE_SMEP))          \
		__reserved_bits |= X86_CR4_SMEP;        \
	__reserved_bits;                                \
})

#endif
