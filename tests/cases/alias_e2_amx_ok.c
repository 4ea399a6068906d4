/* cpuid-alias, era 2 (7.2 shape): all four AMX aliases in CPUID_1E_1_EAX with their originals in CPUID_7_EDX, CPUID_7_1_EDX and CPUID_7_1_EAX: silent. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_7_EDX,
		F(IBT),
		F(AMX_BF16),
		F(AMX_INT8),
		F(SPEC_CTRL),
	);

	kvm_cpu_cap_init(CPUID_7_1_EAX,
		F(AVX_VNNI),
		F(AVX512_BF16),
		F(AMX_FP16),
		F(LAM),
	);

	kvm_cpu_cap_init(CPUID_7_1_EDX,
		F(AVX_VNNI_INT8),
		F(AMX_COMPLEX),
	);

	kvm_cpu_cap_init(CPUID_1E_1_EAX,
		F(AMX_INT8_ALIAS),
		F(AMX_BF16_ALIAS),
		F(AMX_COMPLEX_ALIAS),
		F(AMX_FP16_ALIAS),
	);
}
