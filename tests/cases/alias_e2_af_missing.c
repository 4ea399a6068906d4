/* cpuid-alias, era 2 (v2's AF() name): AF(MTRR) and AF(PSE36) advertised while CPUID_1_EDX lists neither are findings at their lines; AF(FPU) is silent. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_1_EDX,
		F(FPU),
		F(PSE),
		F(CLFLUSH),
	);

	kvm_cpu_cap_init(CPUID_8000_0001_EDX,
		AF(FPU),
		AF(MTRR), /* { dg-warning "^(?=.*X86_FEATURE_MTRR\b)(?=.*(CPUID_1_EDX|CPUID\.1:EDX)).*\[cpuid-alias\]" } */
		AF(PSE36), /* { dg-warning "^(?=.*X86_FEATURE_PSE36\b)(?=.*(CPUID_1_EDX|CPUID\.1:EDX)).*\[cpuid-alias\]" } */
		F(NX),
	);
}
