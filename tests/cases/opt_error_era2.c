/* Option -error in era 2: an ALIASED_1_EDX_F finding becomes an error too. */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-error" } */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_8000_0001_EDX,
		ALIASED_1_EDX_F(PSE),
		ALIASED_1_EDX_F(SEP), /* { dg-error "^(?=.*ALIASED_1_EDX_F).*X86_FEATURE_SEP is CPUID\.1:EDX\[11\], word CPUID_1_EDX.*\[cpuid-leaf\]" } */
	);
}
