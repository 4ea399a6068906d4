/* Era 2: plain F(PSE) in the CPUID_8000_0001_EDX list is a finding (the alias must be declared with ALIASED_1_EDX_F). */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_8000_0001_EDX,
		ALIASED_1_EDX_F(FPU),
		F(PSE), /* { dg-warning "X86_FEATURE_PSE is CPUID\.1:EDX\[3\], word CPUID_1_EDX.*CPUID_8000_0001_EDX.*\[cpuid-leaf\]" } */
		F(SYSCALL),
	);
}
