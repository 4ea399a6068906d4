/* cpuid-cr4-owned, 6.1-shaped: the guest owns KVM_POSSIBLE_CR4_GUEST_BITS without the reserved-bits mask: FSGSBASE (gated) is a finding at the assignment; PCE and the legacy bits the macro never makes reserved are not. */
#include "cr4_allowed.h"
#include "cr4_rsvd_kvm.h"

#define CR4_RESERVED_BITS	(~(unsigned long)(CR4_ALLOWED_6_1))

#define KVM_POSSIBLE_CR4_GUEST_BITS				  \
	(X86_CR4_PVI | X86_CR4_DE | X86_CR4_PCE | X86_CR4_OSFXSR  \
	 | X86_CR4_OSXMMEXCPT | X86_CR4_FSGSBASE)

extern int enable_ept;

void set_cr4_guest_host_mask(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_owned_bits = KVM_POSSIBLE_CR4_GUEST_BITS; /* { dg-warning "^CR4\.FSGSBASE: cr4_guest_owned_bits lets the guest own CR4\.FSGSBASE \(KVM_POSSIBLE_CR4_GUEST_BITS\), but __cr4_reserved_bits\(\) makes it reserved when the guest lacks X86_FEATURE_FSGSBASE \(CPUID\.\(EAX=7,ECX=0\):EBX\[0\]\).*KVM_POSSIBLE_CR4_GUEST_BITS & ~vcpu->arch\.cr4_guest_rsvd_bits \[cpuid-cr4-owned\]" } */
	if (!enable_ept)
		vcpu->arch.cr4_guest_owned_bits &= ~X86_CR4_PGE;
}
