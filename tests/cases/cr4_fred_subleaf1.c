/* cpuid-cr4: gates from CPUID.7.1 and a CR4 bit above 31: LAM_SUP gated by LAM is silent; FRED (CR4 bit 32), allowed but ungated, is a finding naming X86_FEATURE_FRED, CPUID.(EAX=7,ECX=1):EAX[17]. */
#include "cr4.h"

#define CR4_RESERVED_BITS						\
	(~(unsigned long)(X86_CR4_SMEP | X86_CR4_LAM_SUP | X86_CR4_FRED))

#define __cr4_reserved_bits(__cpu_has, __c) /* { dg-warning "^(?=.*CR4\.FRED\b)(?=.*X86_FEATURE_FRED\b)(?=.*CPUID\.\(EAX=7,ECX=1\):EAX\[17\]).*\[cpuid-cr4\]" } */ \
({                                                      \
	u64 __reserved_bits = CR4_RESERVED_BITS;        \
                                                        \
	if (!__cpu_has(__c, X86_FEATURE_SMEP))          \
		__reserved_bits |= X86_CR4_SMEP;        \
	if (!__cpu_has(__c, X86_FEATURE_LAM))           \
		__reserved_bits |= X86_CR4_LAM_SUP;     \
	__reserved_bits;                                \
})

void kvm_vcpu_after_set_cpuid(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_rsvd_bits = __cr4_reserved_bits(guest_cpu_cap_has, vcpu);
}
