/* Era 2: PASSTHROUGH_F(LA57) right in CPUID_7_ECX, wrong in CPUID_7_0_EBX. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_7_0_EBX,
		F(FSGSBASE),
		PASSTHROUGH_F(LA57), /* { dg-warning "X86_FEATURE_LA57 is CPUID\.\(EAX=7,ECX=0\):ECX\[16\], word CPUID_7_ECX.*CPUID_7_0_EBX.*\[cpuid-leaf\]" } */
	);

	kvm_cpu_cap_init(CPUID_7_ECX,
		F(UMIP),
		PASSTHROUGH_F(LA57),
	);
}
