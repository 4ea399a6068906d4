/* Era 2: SCATTERED_F(SGX1) right in CPUID_12_EAX and SCATTERED_F(CONSTANT_TSC) in CPUID_8000_0007_EDX; SCATTERED_F(SGX1) in CPUID_7_0_EBX wrong. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_7_0_EBX,
		F(FSGSBASE),
		F(SGX),
		SCATTERED_F(SGX1), /* { dg-warning "X86_FEATURE_SGX1 is CPUID\.\(EAX=0x12,ECX=0\):EAX\[0\], word CPUID_12_EAX.*CPUID_7_0_EBX.*\[cpuid-leaf\]" } */
	);

	kvm_cpu_cap_init(CPUID_12_EAX,
		SCATTERED_F(SGX1),
		SCATTERED_F(SGX2),
	);

	kvm_cpu_cap_init(CPUID_8000_0007_EDX,
		SCATTERED_F(CONSTANT_TSC),
	);
}
