/* cpuid-cr4: every bit CR4_RESERVED_BITS allows is gated by its feature (legacy bits included, PVI by VME, CET by SHSTK||IBT, PCE ungated by design): silent. */
#include "cr4.h"

#define CR4_RESERVED_BITS                                               \
	(~(unsigned long)(X86_CR4_VME | X86_CR4_PVI | X86_CR4_TSD | X86_CR4_DE\
			  | X86_CR4_PSE | X86_CR4_PAE | X86_CR4_MCE     \
			  | X86_CR4_PGE | X86_CR4_PCE | X86_CR4_OSFXSR | X86_CR4_PCIDE \
			  | X86_CR4_OSXSAVE | X86_CR4_SMEP | X86_CR4_FSGSBASE \
			  | X86_CR4_OSXMMEXCPT | X86_CR4_LA57 | X86_CR4_VMXE \
			  | X86_CR4_SMAP | X86_CR4_PKE | X86_CR4_UMIP \
			  | X86_CR4_LAM_SUP | X86_CR4_CET))

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

void kvm_vcpu_after_set_cpuid(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_rsvd_bits = __cr4_reserved_bits(__kvm_cpu_cap_has, UNUSED_) |
					 __cr4_reserved_bits(guest_cpu_cap_has, vcpu);
}
