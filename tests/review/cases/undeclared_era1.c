/* Era 1: kvm_cpu_cap_mask() lists are not meant to be complete: silent. */
#include "cpuid_era1.h"
#include "kvm_query.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_7_0_EBX, F(FSGSBASE) | F(SMEP));
	kvm_cpu_cap_set(X86_FEATURE_SMAP);
}

bool nested_thing(struct kvm_vcpu *vcpu)
{
	return guest_cpu_cap_has(vcpu, X86_FEATURE_UMIP);
}
