/* cpuid-cr4: the reserved-bits computation is recognised by its shape, not its name: kvm_guest_cr4_rsvd() missing the VME gate is a finding at its #define. */
#include "cr4.h"

#define CR4_RESERVED_BITS						\
	(~(unsigned long)(X86_CR4_VME | X86_CR4_OSXSAVE | X86_CR4_SMEP))

#define kvm_guest_cr4_rsvd(has, v) /* { dg-warning "^(?=.*CR4\.VME\b)(?=.*X86_FEATURE_VME\b)(?=.*CPUID\.1:EDX\[1\]).*\[cpuid-cr4\]" } */ \
({								\
	u64 __rsvd = CR4_RESERVED_BITS;				\
	if (!has(v, X86_FEATURE_XSAVE))				\
		__rsvd |= X86_CR4_OSXSAVE;			\
	if (!has(v, X86_FEATURE_SMEP))				\
		__rsvd |= X86_CR4_SMEP;				\
	__rsvd;							\
})

void update_cr4_rsvd(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_rsvd_bits = kvm_guest_cr4_rsvd(guest_cpuid_has, vcpu);
}
