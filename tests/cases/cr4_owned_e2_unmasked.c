/* cpuid-cr4-owned, 7.2-shaped: CET joined the guest-owned bits; without the reserved-bits mask FSGSBASE and CET are findings. */
#include "cr4_allowed.h"
#include "cr4_rsvd_kvm.h"

#define CR4_RESERVED_BITS	(~(unsigned long)(CR4_ALLOWED_7_2))

#define KVM_POSSIBLE_CR4_GUEST_BITS				  \
	(X86_CR4_PVI | X86_CR4_DE | X86_CR4_PCE | X86_CR4_OSFXSR  \
	 | X86_CR4_OSXMMEXCPT | X86_CR4_PGE | X86_CR4_TSD | X86_CR4_FSGSBASE \
	 | X86_CR4_CET)

void set_cr4_guest_host_mask(struct kvm_vcpu *vcpu, unsigned long l1_mask)
{
	vcpu->arch.cr4_guest_owned_bits = KVM_POSSIBLE_CR4_GUEST_BITS & ~l1_mask; /* { dg-warning "^CR4\.FSGSBASE: .*X86_FEATURE_FSGSBASE.*\[cpuid-cr4-owned\]" } */ /* { dg-warning "^CR4\.CET: .*lacks X86_FEATURE_SHSTK \(CPUID\.\(EAX=7,ECX=0\):ECX\[7\]\).*\[cpuid-cr4-owned\]" } */
}
