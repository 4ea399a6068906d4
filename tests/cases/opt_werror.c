/* -Werror does not turn findings into errors (they stay warnings, exit status 0): only -fplugin-arg-cpuidcheck_plugin-error does. */
/* { dg-options "-Werror" } */
/* { dg-status 0 } */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_7_ECX,
		F(UMIP),
		F(SMEP), /* { dg-warning "X86_FEATURE_SMEP is CPUID\.\(EAX=7,ECX=0\):EBX\[7\], word CPUID_7_0_EBX.*CPUID_7_ECX.*\[cpuid-leaf\]" } */
	);
}
