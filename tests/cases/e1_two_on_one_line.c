/* Era 1: two wrong features on one line give two findings on that line; a correct one beside them gives none. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_8000_0001_ECX,
		F(LAHF_LM) | F(XSAVEC) | F(SSE4A) | F(CLZERO) /* { dg-warning "X86_FEATURE_XSAVEC is CPUID\.\(EAX=0xd,ECX=1\):EAX\[1\], word CPUID_D_1_EAX.*CPUID_8000_0001_ECX.*\[cpuid-leaf\]" } */ /* { dg-warning "X86_FEATURE_CLZERO is CPUID\.0x80000008:EBX\[0\], word CPUID_8000_0008_EBX.*CPUID_8000_0001_ECX.*\[cpuid-leaf\]" } */
	);
}
