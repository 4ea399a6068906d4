/* cpuid-cr4-owned: ownership masked with ~cr4_guest_rsvd_bits (6.1, 6.12, 7.2) drops every reserved bit: silent; a second function assigning from the hardware mask is not an assignment of the possible bits. */
#include "cr4_allowed.h"
#include "cr4_rsvd_kvm.h"

#define CR4_RESERVED_BITS	(~(unsigned long)(CR4_ALLOWED_7_2))

#define KVM_POSSIBLE_CR4_GUEST_BITS				  \
	(X86_CR4_PVI | X86_CR4_DE | X86_CR4_PCE | X86_CR4_OSFXSR  \
	 | X86_CR4_OSXMMEXCPT | X86_CR4_PGE | X86_CR4_TSD | X86_CR4_FSGSBASE \
	 | X86_CR4_CET)

extern int enable_ept;
extern unsigned long vmcs_readl(unsigned long field);

void set_cr4_guest_host_mask(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_owned_bits = KVM_POSSIBLE_CR4_GUEST_BITS &
					  ~vcpu->arch.cr4_guest_rsvd_bits;
	if (!enable_ept)
		vcpu->arch.cr4_guest_owned_bits &= ~X86_CR4_PGE;
}

void load_vmcs12_host_state(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_owned_bits = ~vmcs_readl(0x6002);
}
