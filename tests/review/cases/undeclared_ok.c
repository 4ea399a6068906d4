/* Era 2: every feature set or queried is declared (RUNTIME_F, VENDOR_F...). */
#include "cpuid_era2.h"
#include "kvm_query.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_7_0_EBX,
		F(FSGSBASE),
		VENDOR_F(SMEP),
		F(SMAP),
	);
	kvm_cpu_cap_init(CPUID_7_ECX,
		F(UMIP),
		RUNTIME_F(OSPKE),
	);
	kvm_cpu_cap_set(X86_FEATURE_SMAP);
}

bool nested_thing(struct kvm_vcpu *vcpu)
{
	return guest_cpu_cap_has(vcpu, X86_FEATURE_SMEP) &&
	       guest_cpu_cap_has(vcpu, X86_FEATURE_UMIP);
}
