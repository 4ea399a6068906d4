/* Option -disable=cpuid-leaf silences the leaf check: a wrong word gives no finding. */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-disable=cpuid-leaf" } */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_7_ECX,
		F(UMIP) | F(SMEP)
	);
	kvm_cpu_cap_mask(CPUID_8000_0001_EDX,
		F(SEP)
	);
}
