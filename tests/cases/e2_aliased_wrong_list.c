/* Era 2: ALIASED_1_EDX_F(FPU) used in the CPUID_1_EDX list (the wrapper belongs only in CPUID_8000_0001_EDX): finding. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_1_EDX,
		ALIASED_1_EDX_F(FPU), /* { dg-warning "^(?=.*ALIASED_1_EDX_F).*X86_FEATURE_FPU is CPUID\.1:EDX\[0\], word CPUID_1_EDX.*\[cpuid-leaf\]" } */
		F(VME),
		F(SEP),
	);
}
