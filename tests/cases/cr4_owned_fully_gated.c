/* cpuid-cr4-owned: with a reserved-bits macro that also gates the legacy bits, every gated bit the guest owns without the mask is a finding (PVI by VME, DE, OSFXSR, OSXMMEXCPT, FSGSBASE); PCE has no gate. */
#include "cr4_allowed.h"
#include "cr4_rsvd_gated.h"

#define CR4_RESERVED_BITS	(~(unsigned long)(CR4_ALLOWED_6_1))

#define KVM_POSSIBLE_CR4_GUEST_BITS				  \
	(X86_CR4_PVI | X86_CR4_DE | X86_CR4_PCE | X86_CR4_OSFXSR  \
	 | X86_CR4_OSXMMEXCPT | X86_CR4_FSGSBASE)

void set_cr4_guest_host_mask(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_owned_bits = KVM_POSSIBLE_CR4_GUEST_BITS; /* { dg-warning "^CR4\.PVI: .*X86_FEATURE_VME \(CPUID\.1:EDX\[1\]\)" } */ /* { dg-warning "^CR4\.DE: " } */ /* { dg-warning "^CR4\.OSFXSR: .*X86_FEATURE_FXSR" } */ /* { dg-warning "^CR4\.OSXMMEXCPT: .*X86_FEATURE_XMM" } */ /* { dg-warning "^CR4\.FSGSBASE: " } */
}
