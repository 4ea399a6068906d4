/* Era 1: F() under a ?:, a cast or extra parentheses in the mask is still checked. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_7_ECX,
		F(UMIP) |
		(boot_cpu_has(X86_FEATURE_PKU) ? F(PKU) : F(BMI2)) | /* { dg-warning "X86_FEATURE_BMI2 is CPUID\.\(EAX=7,ECX=0\):EBX\[8\], word CPUID_7_0_EBX.*CPUID_7_ECX.*\[cpuid-leaf\]" } */
		(u32)F(AVX2) | /* { dg-warning "X86_FEATURE_AVX2 is CPUID\.\(EAX=7,ECX=0\):EBX\[5\], word CPUID_7_0_EBX.*CPUID_7_ECX.*\[cpuid-leaf\]" } */
		((F(LA57)))
	);
}
