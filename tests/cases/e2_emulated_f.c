/* Era 2: EMULATED_F(HYPERVISOR) right in CPUID_1_ECX; EMULATED_F(X2APIC) in CPUID_1_EDX and EMULATED_F(TSC_ADJUST) in CPUID_1_ECX wrong. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_1_ECX,
		F(XMM3),
		EMULATED_F(HYPERVISOR),
		EMULATED_F(TSC_ADJUST), /* { dg-warning "X86_FEATURE_TSC_ADJUST is CPUID\.\(EAX=7,ECX=0\):EBX\[1\], word CPUID_7_0_EBX.*CPUID_1_ECX.*\[cpuid-leaf\]" } */
	);

	kvm_cpu_cap_init(CPUID_1_EDX,
		F(FPU),
		EMULATED_F(X2APIC), /* { dg-warning "X86_FEATURE_X2APIC is CPUID\.1:ECX\[21\], word CPUID_1_ECX.*CPUID_1_EDX.*\[cpuid-leaf\]" } */
	);
}
