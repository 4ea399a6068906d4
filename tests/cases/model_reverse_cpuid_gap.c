/* Partial model: reverse_cpuid[] lacks CPUID_7_ECX: features of that word give no finding; known words are still checked. */
#define MINI_REVERSE_CPUID_OMIT_7_ECX
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_7_0_EBX,
		F(FSGSBASE) | F(SMEP) | F(SMAP)
	);

	kvm_cpu_cap_mask(CPUID_7_ECX,
		F(UMIP) | F(PKU) | F(LA57)
	);

	kvm_cpu_cap_mask(CPUID_1_ECX,
		F(XMM3) |
		F(SMAP) /* { dg-warning "X86_FEATURE_SMAP is CPUID\.\(EAX=7,ECX=0\):EBX\[20\], word CPUID_7_0_EBX.*CPUID_1_ECX.*\[cpuid-leaf\]" } */
	);
}
