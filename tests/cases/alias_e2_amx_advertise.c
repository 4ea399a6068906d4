/* cpuid-alias, era 2: F(AMX_INT8_ALIAS) in CPUID_1E_1_EAX while CPUID_7_EDX lacks F(AMX_INT8) is a finding; AMX_BF16_ALIAS and AMX_COMPLEX_ALIAS, whose originals are listed, are silent. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_7_EDX,
		F(IBT),
		F(AMX_BF16),
		F(SPEC_CTRL),
	);

	kvm_cpu_cap_init(CPUID_7_1_EDX,
		F(AVX_VNNI_INT8),
		F(AMX_COMPLEX),
	);

	kvm_cpu_cap_init(CPUID_1E_1_EAX,
		F(AMX_INT8_ALIAS), /* { dg-warning "^(?=.*X86_FEATURE_AMX_INT8\b)(?=.*CPUID_7_EDX|.*CPUID\.\(EAX=7,ECX=0\):EDX).*\[cpuid-alias\]" } */
		F(AMX_BF16_ALIAS),
		F(AMX_COMPLEX_ALIAS),
	);
}
