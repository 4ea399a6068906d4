/* cpuid-cr4-owned: a unit without the reserved-bits macro cannot know which bits have a gate: silent. */
#include "cr4.h"

#define KVM_POSSIBLE_CR4_GUEST_BITS	(X86_CR4_PVI | X86_CR4_FSGSBASE)

void set_cr4_guest_host_mask(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_owned_bits = KVM_POSSIBLE_CR4_GUEST_BITS;
}
