/* Era 1: translated scattered features with F() in KVM-only words: right ones silent, F(PERFMON_V2) in CPUID_8000_0007_EDX wrong. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_init_kvm_defined(CPUID_7_2_EDX,
		F(INTEL_PSFD) | F(RRSBA_CTRL) | F(BHI_CTRL)
	);

	kvm_cpu_cap_init_kvm_defined(CPUID_8000_0007_EDX,
		SF(CONSTANT_TSC) |
		F(PERFMON_V2) /* { dg-warning "X86_FEATURE_PERFMON_V2 is CPUID\.0x80000022:EAX\[0\], word CPUID_8000_0022_EAX.*CPUID_8000_0007_EDX.*\[cpuid-leaf\]" } */
	);

	kvm_cpu_cap_init_kvm_defined(CPUID_8000_0021_ECX,
		F(TSA_SQ_NO) | F(TSA_L1_NO)
	);
}
