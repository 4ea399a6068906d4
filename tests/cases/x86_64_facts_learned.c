/* cpuid-x86-64, era 2: with a facts file that lists no 64-bit-only features, the unit's own X86_64_F(LM) still teaches that LM is 64-bit only, so a plain F(LM) in another list is a finding; XFD is silent. */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-facts=tests/cases/facts/small.facts" } */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_D_1_EAX,
		F(XFD),
	);

	kvm_cpu_cap_init(CPUID_8000_0001_EDX,
		X86_64_F(LM),
	);

	kvm_cpu_cap_init(CPUID_8000_0001_EDX,
		F(LM), /* { dg-warning "^F\(LM\): .*X86_64_F\(LM\) \[cpuid-x86-64\]" } */
	);
}
