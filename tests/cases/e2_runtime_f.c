/* Era 2: RUNTIME_F(OSXSAVE) right in CPUID_1_ECX; RUNTIME_F(OSPKE) in CPUID_7_0_EBX wrong. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_1_ECX,
		F(XMM3),
		RUNTIME_F(OSXSAVE),
	);

	kvm_cpu_cap_init(CPUID_7_0_EBX,
		F(SMEP),
		RUNTIME_F(OSPKE), /* { dg-warning "X86_FEATURE_OSPKE is CPUID\.\(EAX=7,ECX=0\):ECX\[4\], word CPUID_7_ECX.*CPUID_7_0_EBX.*\[cpuid-leaf\]" } */
	);
}
