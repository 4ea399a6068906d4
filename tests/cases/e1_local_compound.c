/* Era 1: a local built up in steps (f = F(A); f |= F(B);) is followed; the wrong F(SMAP) is reported where it was written. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	unsigned int f_7_ecx;

	f_7_ecx = F(UMIP);
	f_7_ecx |= F(PKU);
	f_7_ecx |= F(SMAP); /* { dg-warning "X86_FEATURE_SMAP is CPUID\.\(EAX=7,ECX=0\):EBX\[20\], word CPUID_7_0_EBX.*CPUID_7_ECX.*\[cpuid-leaf\]" } */

	kvm_cpu_cap_mask(CPUID_7_ECX, f_7_ecx | F(LA57));
	kvm_cpu_cap_mask(CPUID_7_0_EBX, F(SMAP));
}
