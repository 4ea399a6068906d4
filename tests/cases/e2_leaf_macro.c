/* Era 2: a list whose leaf is spelled through another macro is checked against the word that macro names. */
#include "cpuid_era2.h"

#define MINI_STRUCTURED_EXT_ECX	CPUID_7_ECX

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(MINI_STRUCTURED_EXT_ECX,
		F(UMIP),
		F(BMI1), /* { dg-warning "X86_FEATURE_BMI1 is CPUID\.\(EAX=7,ECX=0\):EBX\[3\], word CPUID_7_0_EBX.*CPUID_7_ECX.*\[cpuid-leaf\]" } */
		F(PKU),
	);
}
