/* Era 1: SF(SGX1)/SF(SGX2) (scattered, word 11) in kvm_cpu_cap_init_kvm_defined(CPUID_12_EAX) are right: __feature_translate() maps them there. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_7_0_EBX,
		F(FSGSBASE) | F(SGX) | F(SMEP)
	);

	kvm_cpu_cap_init_kvm_defined(CPUID_12_EAX,
		SF(SGX1) | SF(SGX2)
	);
}
