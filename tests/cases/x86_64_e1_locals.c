/* cpuid-x86-64, era 1 (6.1/6.12 shape): LM, GBPAGES and XFD through locals set under #ifdef CONFIG_X86_64 are silent. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
#ifdef CONFIG_X86_64
	unsigned int f_gbpages = F(GBPAGES);
	unsigned int f_lm = F(LM);
	unsigned int f_xfd = F(XFD);
#else
	unsigned int f_gbpages = 0;
	unsigned int f_lm = 0;
	unsigned int f_xfd = 0;
#endif

	kvm_cpu_cap_mask(CPUID_D_1_EAX,
		F(XSAVEOPT) | F(XSAVEC) | f_xfd
	);

	kvm_cpu_cap_mask(CPUID_8000_0001_EDX,
		F(SYSCALL) | F(NX) | f_gbpages | F(RDTSCP) | f_lm
	);
}
