/* Broken model: X86_FEATURE_x macros that are not numbers (a variable, a call) give no finding; numeric ones are still checked. */
#include "cpuid_era1.h"

extern int mini_runtime_feature;
extern int mini_feature_number(void);

#define X86_FEATURE_RUNTIME_THING	mini_runtime_feature
#define X86_FEATURE_FROM_CALL		mini_feature_number()

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_7_0_EBX,
		F(SMEP) | F(RUNTIME_THING) | F(FROM_CALL)
	);

	kvm_cpu_cap_mask(CPUID_7_ECX,
		F(FROM_CALL) |
		F(SMAP) /* { dg-warning "X86_FEATURE_SMAP is CPUID\.\(EAX=7,ECX=0\):EBX\[20\], word CPUID_7_0_EBX.*CPUID_7_ECX.*\[cpuid-leaf\]" } */
	);
}
