/*
 * Mini CR4 definitions for cpuidcheck unit cases (written for the tests,
 * kernel-shaped): the uapi-style _AC/_UL/_BITUL chain, X86_CR4_*_BIT and
 * X86_CR4_* for the architectural bits, and the host-capability helpers the
 * kernel expands the reserved-bits macro with (__kvm_cpu_cap_has, cpu_has).
 *
 * CR4_RESERVED_BITS and the reserved-bits macro are NOT here: a case writes
 * its own, or takes the shared correct parts from cr4_allowed.h (the allowed
 * bits by release), cr4_rsvd_gated.h (the fully gated macro) and
 * cr4_rsvd_users.h (x86.c's expansions).
 */
#ifndef MINI_CR4_H
#define MINI_CR4_H

#include "kvm_query.h"

#ifndef __AC
#define __AC(X,Y)	(X##Y)
#define _AC(X,Y)	__AC(X,Y)
#endif
#define _UL(x)		(_AC(x, UL))
#define _ULL(x)		(_AC(x, ULL))
#define _BITUL(x)	(_UL(1) << (x))
#define _BITULL(x)	(_ULL(1) << (x))

#define X86_CR4_VME_BIT		0
#define X86_CR4_VME		_BITUL(X86_CR4_VME_BIT)
#define X86_CR4_PVI_BIT		1
#define X86_CR4_PVI		_BITUL(X86_CR4_PVI_BIT)
#define X86_CR4_TSD_BIT		2
#define X86_CR4_TSD		_BITUL(X86_CR4_TSD_BIT)
#define X86_CR4_DE_BIT		3
#define X86_CR4_DE		_BITUL(X86_CR4_DE_BIT)
#define X86_CR4_PSE_BIT		4
#define X86_CR4_PSE		_BITUL(X86_CR4_PSE_BIT)
#define X86_CR4_PAE_BIT		5
#define X86_CR4_PAE		_BITUL(X86_CR4_PAE_BIT)
#define X86_CR4_MCE_BIT		6
#define X86_CR4_MCE		_BITUL(X86_CR4_MCE_BIT)
#define X86_CR4_PGE_BIT		7
#define X86_CR4_PGE		_BITUL(X86_CR4_PGE_BIT)
#define X86_CR4_PCE_BIT		8
#define X86_CR4_PCE		_BITUL(X86_CR4_PCE_BIT)
#define X86_CR4_OSFXSR_BIT	9
#define X86_CR4_OSFXSR		_BITUL(X86_CR4_OSFXSR_BIT)
#define X86_CR4_OSXMMEXCPT_BIT	10
#define X86_CR4_OSXMMEXCPT	_BITUL(X86_CR4_OSXMMEXCPT_BIT)
#define X86_CR4_UMIP_BIT	11
#define X86_CR4_UMIP		_BITUL(X86_CR4_UMIP_BIT)
#define X86_CR4_LA57_BIT	12
#define X86_CR4_LA57		_BITUL(X86_CR4_LA57_BIT)
#define X86_CR4_VMXE_BIT	13
#define X86_CR4_VMXE		_BITUL(X86_CR4_VMXE_BIT)
#define X86_CR4_SMXE_BIT	14
#define X86_CR4_SMXE		_BITUL(X86_CR4_SMXE_BIT)
#define X86_CR4_FSGSBASE_BIT	16
#define X86_CR4_FSGSBASE	_BITUL(X86_CR4_FSGSBASE_BIT)
#define X86_CR4_PCIDE_BIT	17
#define X86_CR4_PCIDE		_BITUL(X86_CR4_PCIDE_BIT)
#define X86_CR4_OSXSAVE_BIT	18
#define X86_CR4_OSXSAVE		_BITUL(X86_CR4_OSXSAVE_BIT)
#define X86_CR4_SMEP_BIT	20
#define X86_CR4_SMEP		_BITUL(X86_CR4_SMEP_BIT)
#define X86_CR4_SMAP_BIT	21
#define X86_CR4_SMAP		_BITUL(X86_CR4_SMAP_BIT)
#define X86_CR4_PKE_BIT		22
#define X86_CR4_PKE		_BITUL(X86_CR4_PKE_BIT)
#define X86_CR4_CET_BIT		23
#define X86_CR4_CET		_BITUL(X86_CR4_CET_BIT)
#define X86_CR4_LAM_SUP_BIT	28
#define X86_CR4_LAM_SUP		_BITUL(X86_CR4_LAM_SUP_BIT)
#define X86_CR4_FRED_BIT	32
#define X86_CR4_FRED		_BITUL(X86_CR4_FRED_BIT)

/* Host capabilities: the reserved-bits macro expanded with these is not a guest check. */
#define __kvm_cpu_cap_has(UNUSED_, f)	kvm_cpu_cap_has(f)

struct cpuinfo_x86 {
	u32 x86_capability[NCAPINTS];
};

extern struct cpuinfo_x86 boot_cpu_data;

#define cpu_has(c, bit)	\
	(!!((c)->x86_capability[(bit) / 32] & (1U << ((bit) % 32))))

#endif
