/* Era 2, v2 of the series: the alias wrapper spelled AF(); AF(PSE) right, AF(XMM) not an alias bit. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_8000_0001_EDX,
		AF(FPU),
		AF(PSE),
		F(SYSCALL),
		AF(XMM), /* { dg-warning "^(?=.*\bAF\b)(?=.*CPUID_8000_0001_EDX).*X86_FEATURE_XMM is CPUID\.1:EDX\[25\], word CPUID_1_EDX.*\[cpuid-leaf\]" } */
		AF(FXSR),
	);
}
