/* cpuid-cr4: CR4.SMEP gated by X86_FEATURE_SMAP is a wrong gate, reported at that if line naming CR4.SMEP, X86_FEATURE_SMAP and X86_FEATURE_SMEP (and not also as a missing gate); the other bits are gated right. */
#include "cr4.h"

#define CR4_RESERVED_BITS						\
	(~(unsigned long)(X86_CR4_PCE | X86_CR4_OSXSAVE | X86_CR4_SMEP	\
			  | X86_CR4_SMAP | X86_CR4_PKE))

#define __cr4_reserved_bits(__cpu_has, __c)             \
({                                                      \
	u64 __reserved_bits = CR4_RESERVED_BITS;        \
                                                        \
	if (!__cpu_has(__c, X86_FEATURE_XSAVE))         \
		__reserved_bits |= X86_CR4_OSXSAVE;     \
	if (!__cpu_has(__c, X86_FEATURE_SMAP)) /* { dg-warning "^(?=.*CR4\.SMEP\b)(?=.*X86_FEATURE_SMAP\b)(?=.*X86_FEATURE_SMEP\b).*\[cpuid-cr4\]" } */ \
		__reserved_bits |= X86_CR4_SMEP;        \
	if (!__cpu_has(__c, X86_FEATURE_SMAP))          \
		__reserved_bits |= X86_CR4_SMAP;        \
	if (!__cpu_has(__c, X86_FEATURE_PKU))           \
		__reserved_bits |= X86_CR4_PKE;         \
	__reserved_bits;                                \
})

void kvm_vcpu_after_set_cpuid(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_rsvd_bits = __cr4_reserved_bits(guest_cpu_cap_has, vcpu);
}
