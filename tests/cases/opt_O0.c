/* The findings do not depend on optimisation: -O0 -g reports the same wrong words (both eras). */
/* { dg-options "-O0 -g" } */
#include "cpuid_era1.h"
#undef F
#include "cpuid_era2.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_7_ECX,
		feature_bit(UMIP) |
		feature_bit(SMEP) /* { dg-warning "X86_FEATURE_SMEP is CPUID\.\(EAX=7,ECX=0\):EBX\[7\], word CPUID_7_0_EBX.*CPUID_7_ECX.*\[cpuid-leaf\]" } */
	);
}

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_1_ECX,
		F(XMM3),
		F(SMAP), /* { dg-warning "X86_FEATURE_SMAP is CPUID\.\(EAX=7,ECX=0\):EBX\[20\], word CPUID_7_0_EBX.*CPUID_1_ECX.*\[cpuid-leaf\]" } */
	);
}
