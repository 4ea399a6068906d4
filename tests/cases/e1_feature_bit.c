/* Era 1: feature_bit(NAME) written directly in a mask is checked like F(NAME). */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_7_0_EBX,
		feature_bit(FSGSBASE) | feature_bit(SMEP)
	);

	kvm_cpu_cap_mask(CPUID_7_EDX,
		feature_bit(IBT) |
		feature_bit(SMAP) /* { dg-warning "X86_FEATURE_SMAP is CPUID\.\(EAX=7,ECX=0\):EBX\[20\], word CPUID_7_0_EBX.*CPUID_7_EDX.*\[cpuid-leaf\]" } */
	);
}
