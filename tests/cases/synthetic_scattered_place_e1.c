/* cpuid-synthetic, era 1: a feature the newest kernel scatters from 0x80000007.EDX[9] (CPB) defined in the 0x80000007.EBX word is a finding at its #define; SMCA at its real place there (0x80000007.EBX[3], as 6.x defines it) is silent. */
#define X86_FEATURE_SMCA	(17*32+ 3)
#define X86_FEATURE_CPB		(17*32+ 9) /* { dg-warning "^X86_FEATURE_CPB is CPUID\.0x80000007:EDX\[9\] \(the newest kernel's scattered\.c reads it there\), but it is defined in word CPUID_8000_0007_EBX, which KVM maps to CPUID\.0x80000007:EBX, so it is CPUID\.0x80000007:EBX\[9\]: .*define it at bit 9 of the word for CPUID\.0x80000007:EDX\[9\].*\[cpuid-synthetic\]" } */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_8000_0007_EBX,
		F(SMCA)
	);
}
