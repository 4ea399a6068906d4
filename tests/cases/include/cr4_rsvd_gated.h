/*
 * Mini x86.h-style header for cpuidcheck unit cases (written for the tests):
 * the reserved-bits macro as it should be, every bit of CR4_ALLOWED_7_2
 * (cr4_allowed.h) gated by its feature: the legacy bits included, PVI by VME,
 * CET by SHSTK||IBT, PCE ungated by design.  It produces no finding with
 * that CR4_RESERVED_BITS, which the including case defines.
 */
#ifndef MINI_CR4_RSVD_GATED_H
#define MINI_CR4_RSVD_GATED_H

#include "cr4.h"

#define __cr4_reserved_bits(__cpu_has, __c)             \
({                                                      \
	u64 __reserved_bits = CR4_RESERVED_BITS;        \
                                                        \
	if (!__cpu_has(__c, X86_FEATURE_VME))           \
		__reserved_bits |= X86_CR4_VME;         \
	if (!__cpu_has(__c, X86_FEATURE_VME))           \
		__reserved_bits |= X86_CR4_PVI;         \
	if (!__cpu_has(__c, X86_FEATURE_TSC))           \
		__reserved_bits |= X86_CR4_TSD;         \
	if (!__cpu_has(__c, X86_FEATURE_DE))            \
		__reserved_bits |= X86_CR4_DE;          \
	if (!__cpu_has(__c, X86_FEATURE_PSE))           \
		__reserved_bits |= X86_CR4_PSE;         \
	if (!__cpu_has(__c, X86_FEATURE_PAE))           \
		__reserved_bits |= X86_CR4_PAE;         \
	if (!__cpu_has(__c, X86_FEATURE_MCE))           \
		__reserved_bits |= X86_CR4_MCE;         \
	if (!__cpu_has(__c, X86_FEATURE_PGE))           \
		__reserved_bits |= X86_CR4_PGE;         \
	if (!__cpu_has(__c, X86_FEATURE_FXSR))          \
		__reserved_bits |= X86_CR4_OSFXSR;      \
	if (!__cpu_has(__c, X86_FEATURE_XMM))           \
		__reserved_bits |= X86_CR4_OSXMMEXCPT;  \
	if (!__cpu_has(__c, X86_FEATURE_XSAVE))         \
		__reserved_bits |= X86_CR4_OSXSAVE;     \
	if (!__cpu_has(__c, X86_FEATURE_SMEP))          \
		__reserved_bits |= X86_CR4_SMEP;        \
	if (!__cpu_has(__c, X86_FEATURE_SMAP))          \
		__reserved_bits |= X86_CR4_SMAP;        \
	if (!__cpu_has(__c, X86_FEATURE_FSGSBASE))      \
		__reserved_bits |= X86_CR4_FSGSBASE;    \
	if (!__cpu_has(__c, X86_FEATURE_PKU))           \
		__reserved_bits |= X86_CR4_PKE;         \
	if (!__cpu_has(__c, X86_FEATURE_LA57))          \
		__reserved_bits |= X86_CR4_LA57;        \
	if (!__cpu_has(__c, X86_FEATURE_UMIP))          \
		__reserved_bits |= X86_CR4_UMIP;        \
	if (!__cpu_has(__c, X86_FEATURE_VMX))           \
		__reserved_bits |= X86_CR4_VMXE;        \
	if (!__cpu_has(__c, X86_FEATURE_PCID))          \
		__reserved_bits |= X86_CR4_PCIDE;       \
	if (!__cpu_has(__c, X86_FEATURE_LAM))           \
		__reserved_bits |= X86_CR4_LAM_SUP;     \
	if (!__cpu_has(__c, X86_FEATURE_SHSTK) &&       \
	    !__cpu_has(__c, X86_FEATURE_IBT))           \
		__reserved_bits |= X86_CR4_CET;         \
	__reserved_bits;                                \
})

#endif
