/* Era 2: X86_64_F(GBPAGES/LM/XFD) right in their words; X86_64_F(LM) in the CPUID_1_EDX list wrong. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_1_EDX,
		F(FPU),
		X86_64_F(LM), /* { dg-warning "X86_FEATURE_LM is CPUID\.0x80000001:EDX\[29\], word CPUID_8000_0001_EDX.*CPUID_1_EDX.*\[cpuid-leaf\]" } */
	);

	kvm_cpu_cap_init(CPUID_D_1_EAX,
		F(XSAVEOPT),
		X86_64_F(XFD),
	);

	kvm_cpu_cap_init(CPUID_8000_0001_EDX,
		F(SYSCALL),
		X86_64_F(GBPAGES),
		X86_64_F(LM),
	);
}
