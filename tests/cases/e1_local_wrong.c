/* Era 1: a local f_xfd = F(XFD) used in the CPUID_7_0_EBX mask is a wrong word, reported where F(XFD) was written. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
#ifdef CONFIG_X86_64
	unsigned int f_lm = F(LM);
	unsigned int f_xfd = F(XFD); /* { dg-warning "X86_FEATURE_XFD is CPUID\.\(EAX=0xd,ECX=1\):EAX\[4\], word CPUID_D_1_EAX.*CPUID_7_0_EBX.*\[cpuid-leaf\]" } */
#else
	unsigned int f_lm = 0;
	unsigned int f_xfd = 0;
#endif

	kvm_cpu_cap_mask(CPUID_7_0_EBX,
		F(FSGSBASE) | F(SMEP) |
		f_xfd
	);

	kvm_cpu_cap_mask(CPUID_8000_0001_EDX,
		F(SYSCALL) | f_lm
	);
}
