/* Options -error and -disable=cpuid-leaf together: nothing reported, exit status 0. */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-error -fplugin-arg-cpuidcheck_plugin-disable=cpuid-leaf" } */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_7_ECX, F(SMEP));
}
