/* Option -fplugin-arg-cpuidcheck_plugin-error: findings become errors and the compiler exits 1. */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-error" } */
/* { dg-status 1 } */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_7_ECX,
		F(UMIP) |
		F(SMEP) /* { dg-error "X86_FEATURE_SMEP is CPUID\.\(EAX=7,ECX=0\):EBX\[7\], word CPUID_7_0_EBX.*CPUID_7_ECX.*\[cpuid-leaf\]" } */
	);
}
