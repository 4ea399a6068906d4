/* Era 2: F(SMEP) in the CPUID_7_ECX list and F(PCID) in the CPUID_1_EDX list are wrong words. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_1_EDX,
		F(FPU),
		F(PCID), /* { dg-warning "X86_FEATURE_PCID is CPUID\.1:ECX\[17\], word CPUID_1_ECX.*CPUID_1_EDX.*\[cpuid-leaf\]" } */
		F(XMM2),
	);

	kvm_cpu_cap_init(CPUID_7_ECX,
		F(UMIP),
		F(SMEP), /* { dg-warning "X86_FEATURE_SMEP is CPUID\.\(EAX=7,ECX=0\):EBX\[7\], word CPUID_7_0_EBX.*CPUID_7_ECX.*\[cpuid-leaf\]" } */
		F(PKU),
	);
}
