/* Era 2: ALIASED_1_EDX_F(SEP) and ALIASED_1_EDX_F(XMM) are 1.EDX bits outside AMD's alias set: findings. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_8000_0001_EDX,
		ALIASED_1_EDX_F(FPU),
		ALIASED_1_EDX_F(APIC),
		ALIASED_1_EDX_F(SEP), /* { dg-warning "^(?=.*ALIASED_1_EDX_F)(?=.*CPUID_8000_0001_EDX).*X86_FEATURE_SEP is CPUID\.1:EDX\[11\], word CPUID_1_EDX.*\[cpuid-leaf\]" } */
		F(SYSCALL),
		ALIASED_1_EDX_F(XMM), /* { dg-warning "^(?=.*ALIASED_1_EDX_F)(?=.*CPUID_8000_0001_EDX).*X86_FEATURE_XMM is CPUID\.1:EDX\[25\], word CPUID_1_EDX.*\[cpuid-leaf\]" } */
		ALIASED_1_EDX_F(FXSR),
	);
}
