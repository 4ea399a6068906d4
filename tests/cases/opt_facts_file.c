/* Option -facts=FILE: sub-leaf functions and AMD's alias set come from FILE (here: 0x7 not indexed, only FPU aliased). */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-facts=tests/cases/facts/small.facts" } */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_7_ECX,
		F(UMIP) |
		F(SMEP) /* { dg-warning "X86_FEATURE_SMEP is CPUID\.7:EBX\[7\], word CPUID_7_0_EBX.*CPUID_7_ECX.*\[cpuid-leaf\]" } */
	);

	kvm_cpu_cap_mask(CPUID_8000_0001_EDX,
		F(FPU) |
		F(PSE) | /* { dg-warning "X86_FEATURE_PSE is CPUID\.1:EDX\[3\], word CPUID_1_EDX.*CPUID_8000_0001_EDX.*\[cpuid-leaf\]" } */
		F(SYSCALL)
	);
}
