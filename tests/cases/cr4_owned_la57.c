/* cpuid-cr4-owned, the 2020 LA57 class: LA57 guest-owned with no drop is a finding; FSGSBASE dropped under a guest CPUID query of its feature is not. */
#include "cr4_allowed.h"
#include "cr4_rsvd_kvm.h"

#define CR4_RESERVED_BITS	(~(unsigned long)(CR4_ALLOWED_6_1))

#define KVM_CR4_GUEST_OWNED_BITS				      \
	(X86_CR4_PVI | X86_CR4_DE | X86_CR4_PCE | X86_CR4_OSFXSR      \
	 | X86_CR4_OSXMMEXCPT | X86_CR4_LA57 | X86_CR4_FSGSBASE)

void vmx_vcpu_setup(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_owned_bits = KVM_CR4_GUEST_OWNED_BITS; /* { dg-warning "^CR4\.LA57: .*\(KVM_CR4_GUEST_OWNED_BITS\).*lacks X86_FEATURE_LA57 \(CPUID\.\(EAX=7,ECX=0\):ECX\[16\]\).*\[cpuid-cr4-owned\]" } */
	if (!guest_cpuid_has(vcpu, X86_FEATURE_FSGSBASE))
		vcpu->arch.cr4_guest_owned_bits &= ~X86_CR4_FSGSBASE;
}
