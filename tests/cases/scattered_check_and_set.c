/* cpuid-scattered: kvm_cpu_cap_check_and_set() tests the host kernel first: a KVM-only number is a finding, a translated scattered feature is silent. */
#include "cpuid_era1.h"
#include "kvm_query.h"

static __always_inline void kvm_cpu_cap_check_and_set(unsigned int x86_feature)
{
	if (boot_cpu_has(x86_feature))
		kvm_cpu_cap_set(x86_feature);
}

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_init_kvm_defined(CPUID_8000_0021_ECX,
		F(TSA_SQ_NO) | F(TSA_L1_NO)
	);

	kvm_cpu_cap_check_and_set(X86_FEATURE_TSA_SQ_NO);
	kvm_cpu_cap_check_and_set(X86_FEATURE_INTEL_PSFD); /* { dg-warning "^kvm_cpu_cap_check_and_set\(X86_FEATURE_INTEL_PSFD\): X86_FEATURE_INTEL_PSFD is KVM's own number for CPUID\.\(EAX=7,ECX=2\):EDX\[0\].*\[cpuid-scattered\]" } */
}
