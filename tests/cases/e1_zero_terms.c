/* Era 1: a feature after literal zeros in a mask (6.12's "0 /+ SME +/ | ... | F(SME_COHERENT)") is reported at its F(), not at a folded "|". */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_7_0_EBX,
		F(FSGSBASE) | F(SMEP));

	kvm_cpu_cap_mask(CPUID_7_ECX,
		0 /* PKU */ | 0 /* LA57 */ |
		F(SMEP)); /* { dg-warning "^F\(SMEP\): X86_FEATURE_SMEP is CPUID\.\(EAX=7,ECX=0\):EBX\[7\], word CPUID_7_0_EBX.*CPUID_7_ECX.*\[cpuid-leaf\]" } */
}
