/* cpuid-cr4: an either-of gate for CR4.CET with X86_FEATURE_SMAP in place of IBT is a wrong gate at that if line; SHSTK||IBT elsewhere would be right. */
#include "cr4.h"

#define CR4_RESERVED_BITS						\
	(~(unsigned long)(X86_CR4_OSXSAVE | X86_CR4_CET))

#define __cr4_reserved_bits(__cpu_has, __c)             \
({                                                      \
	u64 __reserved_bits = CR4_RESERVED_BITS;        \
                                                        \
	if (!__cpu_has(__c, X86_FEATURE_XSAVE))         \
		__reserved_bits |= X86_CR4_OSXSAVE;     \
	if (!__cpu_has(__c, X86_FEATURE_SHSTK) && /* { dg-warning "^(?=.*CR4\.CET\b)(?=.*X86_FEATURE_SMAP\b).*\[cpuid-cr4\]" } */ \
	    !__cpu_has(__c, X86_FEATURE_SMAP))          \
		__reserved_bits |= X86_CR4_CET;         \
	__reserved_bits;                                \
})

void kvm_vcpu_after_set_cpuid(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_rsvd_bits = __cr4_reserved_bits(guest_cpuid_has, vcpu);
}
