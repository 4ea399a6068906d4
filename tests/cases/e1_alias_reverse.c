/* Era 1: the alias exemption is one-way: F(SYSCALL) (0x80000001.EDX only) in the CPUID_1_EDX mask is a wrong word. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_1_EDX,
		F(FPU) | F(VME) | F(PSE) |
		F(SYSCALL) | /* { dg-warning "X86_FEATURE_SYSCALL is CPUID\.0x80000001:EDX\[11\], word CPUID_8000_0001_EDX.*CPUID_1_EDX.*\[cpuid-leaf\]" } */
		F(SEP)
	);
}
