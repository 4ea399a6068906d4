/*
 * Mini CR4 bit sets for cpuidcheck unit cases (written for the tests): the
 * bits KVM's CR4_RESERVED_BITS leaves allowed, by release.  A case picks its
 * era with one line, e.g.
 *
 *	#define CR4_RESERVED_BITS	(~(unsigned long)(CR4_ALLOWED_7_2))
 *
 * PCE is allowed ungated by design; SMXE and FRED are never allowed here.
 */
#ifndef MINI_CR4_ALLOWED_H
#define MINI_CR4_ALLOWED_H

#include "cr4.h"

/* 6.1: the legacy bits, VMXE, PCIDE, OSXSAVE, SMEP/SMAP, FSGSBASE, PKE, UMIP, LA57 */
#define CR4_ALLOWED_6_1							\
	(X86_CR4_VME | X86_CR4_PVI | X86_CR4_TSD | X86_CR4_DE		\
	 | X86_CR4_PSE | X86_CR4_PAE | X86_CR4_MCE			\
	 | X86_CR4_PGE | X86_CR4_PCE | X86_CR4_OSFXSR | X86_CR4_PCIDE	\
	 | X86_CR4_OSXSAVE | X86_CR4_SMEP | X86_CR4_FSGSBASE		\
	 | X86_CR4_OSXMMEXCPT | X86_CR4_LA57 | X86_CR4_VMXE		\
	 | X86_CR4_SMAP | X86_CR4_PKE | X86_CR4_UMIP)

/* 7.2: 6.1's bits plus LAM_SUP and CET */
#define CR4_ALLOWED_7_2							\
	(CR4_ALLOWED_6_1 | X86_CR4_LAM_SUP | X86_CR4_CET)

#endif
