/* Era 1: F(SEP) (1.EDX[11]) and F(XMM) (1.EDX[25]) in the CPUID_8000_0001_EDX mask are wrong words: not in AMD's alias set. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_8000_0001_EDX,
		F(FPU) | F(VME) | F(DE) | F(PSE) |
		F(SEP) | /* { dg-warning "X86_FEATURE_SEP is CPUID\.1:EDX\[11\], word CPUID_1_EDX.*CPUID_8000_0001_EDX.*\[cpuid-leaf\]" } */
		F(SYSCALL) | F(NX) |
		F(XMM) | /* { dg-warning "X86_FEATURE_XMM is CPUID\.1:EDX\[25\], word CPUID_1_EDX.*CPUID_8000_0001_EDX.*\[cpuid-leaf\]" } */
		F(FXSR) | F(RDTSCP)
	);
}
