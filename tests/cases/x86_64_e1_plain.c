/* cpuid-x86-64, era 1: LM and GBPAGES written plainly in the 0x8000_0001.EDX mask are findings (the 6.x fix is a CONFIG_X86_64 local); XFD through its local is silent. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
#ifdef CONFIG_X86_64
	unsigned int f_xfd = F(XFD);
#else
	unsigned int f_xfd = 0;
#endif

	kvm_cpu_cap_mask(CPUID_D_1_EAX,
		F(XSAVEOPT) | F(XSAVEC) | f_xfd
	);

	kvm_cpu_cap_mask(CPUID_8000_0001_EDX,
		F(SYSCALL) | F(NX) |
		F(GBPAGES) | /* { dg-warning "^F\(GBPAGES\): X86_FEATURE_GBPAGES \(CPUID\.0x80000001:EDX\[26\]\) exists only in 64-bit mode, but the kvm_cpu_cap_mask\(CPUID_8000_0001_EDX, \.\.\.\) list declares it unconditionally.*declare it with a local set to F\(GBPAGES\) under #ifdef CONFIG_X86_64 .*\[cpuid-x86-64\]" } */
		F(RDTSCP) |
		F(LM) /* { dg-warning "^F\(LM\): X86_FEATURE_LM \(CPUID\.0x80000001:EDX\[29\]\).*\[cpuid-x86-64\]" } */
	);
}
