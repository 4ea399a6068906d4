/* Option -disable=cpuid-leaf in era 2 silences wrong words and alias-wrapper findings alike. */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-disable=cpuid-leaf" } */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_7_ECX,
		F(SMEP),
	);
	kvm_cpu_cap_init(CPUID_8000_0001_EDX,
		ALIASED_1_EDX_F(XMM),
		F(PSE),
	);
}
