/* Era 2: a feature set and one queried but in no kvm_cpu_cap_init() list. */
/* Only the set is reported: KVM never supports UMIP here, so asking is false. */
#include "cpuid_era2.h"
#include "kvm_query.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_7_0_EBX,
		F(FSGSBASE),
		F(SMEP),
	);
	kvm_cpu_cap_init(CPUID_12_EAX,
		SCATTERED_F(SGX1),
	);
	kvm_cpu_cap_set(X86_FEATURE_SMAP); /* expect: SMAP set */
}

bool nested_thing(struct kvm_vcpu *vcpu)
{
	return guest_cpu_cap_has(vcpu, X86_FEATURE_SMEP) &&
	       guest_cpu_cap_has(vcpu, X86_FEATURE_SGX1) &&
	       guest_cpu_cap_has(vcpu, X86_FEATURE_UMIP); /* never supported: silent */
}
