/* Era 1: F(SMEP) in the CPUID_7_ECX mask and F(UMIP) in the CPUID_7_0_EBX mask are wrong words. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_7_0_EBX,
		F(FSGSBASE) | F(BMI1) | F(AVX2) |
		F(UMIP) | /* { dg-warning "X86_FEATURE_UMIP is CPUID\.\(EAX=7,ECX=0\):ECX\[2\], word CPUID_7_ECX.*CPUID_7_0_EBX.*\[cpuid-leaf\]" } */
		F(SMAP)
	);

	kvm_cpu_cap_mask(CPUID_7_ECX,
		F(PKU) | F(LA57) |
		F(SMEP) | /* { dg-warning "X86_FEATURE_SMEP is CPUID\.\(EAX=7,ECX=0\):EBX\[7\], word CPUID_7_0_EBX.*CPUID_7_ECX.*\[cpuid-leaf\]" } */
		F(RDPID)
	);
}
