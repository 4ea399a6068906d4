/* Era 1: SF(SGX1) in the CPUID_7_0_EBX mask is a wrong word: it translates to CPUID.0x12:EAX[0]. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_7_0_EBX,
		F(FSGSBASE) | F(SGX) |
		SF(SGX1) | /* { dg-warning "X86_FEATURE_SGX1 is CPUID\.\(EAX=0x12,ECX=0\):EAX\[0\], word CPUID_12_EAX.*CPUID_7_0_EBX.*\[cpuid-leaf\]" } */
		F(SMEP)
	);

	kvm_cpu_cap_init_kvm_defined(CPUID_12_EAX,
		SF(SGX2)
	);
}
