/* cpuid-cr4: one gate setting two bits (VME | PVI, both enumerated by VME) gates both; TSD, allowed but ungated, is a finding at the #define. */
#include "cr4.h"

#define CR4_RESERVED_BITS						\
	(~(unsigned long)(X86_CR4_VME | X86_CR4_PVI | X86_CR4_TSD))

#define __cr4_reserved_bits(__cpu_has, __c) /* { dg-warning "^(?=.*CR4\.TSD\b)(?=.*X86_FEATURE_TSC\b)(?=.*CPUID\.1:EDX\[4\]).*\[cpuid-cr4\]" } */ \
({                                                      \
	u64 __reserved_bits = CR4_RESERVED_BITS;        \
                                                        \
	if (!__cpu_has(__c, X86_FEATURE_VME))           \
		__reserved_bits |= X86_CR4_VME | X86_CR4_PVI; \
	__reserved_bits;                                \
})

void kvm_vcpu_after_set_cpuid(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_rsvd_bits = __cr4_reserved_bits(guest_cpuid_has, vcpu);
}
