/* Era 1: __feature_translate() in the older if/else-if shape is understood: SF(SGX1) and F(RRSBA_CTRL) right, SF(SGX2) wrong. */
#define MINI_TRANSLATE_IF_CHAIN
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_init_kvm_defined(CPUID_12_EAX,
		SF(SGX1)
	);

	kvm_cpu_cap_mask(CPUID_7_0_EBX,
		F(SGX) |
		SF(SGX2) /* { dg-warning "X86_FEATURE_SGX2 is CPUID\.\(EAX=0x12,ECX=0\):EAX\[1\], word CPUID_12_EAX.*CPUID_7_0_EBX.*\[cpuid-leaf\]" } */
	);

	kvm_cpu_cap_init_kvm_defined(CPUID_7_2_EDX,
		F(INTEL_PSFD) | F(IPRED_CTRL) | F(RRSBA_CTRL)
	);
}
