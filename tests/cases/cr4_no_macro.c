/* cpuid-cr4: a unit with CR4_RESERVED_BITS and guest queries but no reserved-bits macro is silent. */
#include "cr4.h"

#define CR4_RESERVED_BITS						\
	(~(unsigned long)(X86_CR4_VME | X86_CR4_DE | X86_CR4_SMEP))

bool kvm_is_valid_cr4(struct kvm_vcpu *vcpu, unsigned long cr4)
{
	if (cr4 & CR4_RESERVED_BITS)
		return false;
	if ((cr4 & X86_CR4_SMEP) && !guest_cpuid_has(vcpu, X86_FEATURE_SMEP))
		return false;
	return true;
}
