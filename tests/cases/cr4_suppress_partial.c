/* cpuid-cr4: a suppression file acknowledging only CR4.VME silences that one; CR4.DE is still reported and the count says 1 finding. */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-suppress=tests/cases/suppress/cr4-vme-only.supp" } */
/* { dg-stderr "^cpuidcheck: note: 1 finding suppressed by tests/cases/suppress/cr4-vme-only\.supp$" } */
#include "cr4.h"

#define CR4_RESERVED_BITS						\
	(~(unsigned long)(X86_CR4_VME | X86_CR4_DE | X86_CR4_PCE	\
			  | X86_CR4_OSXSAVE | X86_CR4_SMEP		\
			  | X86_CR4_PKE | X86_CR4_CET))

#define __cr4_reserved_bits(__cpu_has, __c) /* { dg-warning "^(?=.*CR4\.DE\b)(?=.*X86_FEATURE_DE\b)(?=.*CPUID\.1:EDX\[2\]).*\[cpuid-cr4\]" } */ \
({                                                      \
	u64 __reserved_bits = CR4_RESERVED_BITS;        \
                                                        \
	if (!__cpu_has(__c, X86_FEATURE_XSAVE))         \
		__reserved_bits |= X86_CR4_OSXSAVE;     \
	if (!__cpu_has(__c, X86_FEATURE_SMEP))          \
		__reserved_bits |= X86_CR4_SMEP;        \
	if (!__cpu_has(__c, X86_FEATURE_PKU))           \
		__reserved_bits |= X86_CR4_PKE;         \
	if (!__cpu_has(__c, X86_FEATURE_SHSTK) &&       \
	    !__cpu_has(__c, X86_FEATURE_IBT))           \
		__reserved_bits |= X86_CR4_CET;         \
	__reserved_bits;                                \
})

#include "cr4_rsvd_users.h"
