/* Era 2: KVM-only words (7.1.EDX, 0x1E.1.EAX): right lists silent; F(AMX_INT8) (7.0.EDX) in CPUID_1E_1_EAX, where only its _ALIAS belongs, wrong. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_7_1_EDX,
		F(AVX_VNNI_INT8),
		F(AMX_COMPLEX),
		F(PREFETCHITI),
	);

	kvm_cpu_cap_init(CPUID_7_EDX,
		F(IBT),
		F(AMX_BF16),
		F(AMX_INT8),
	);

	kvm_cpu_cap_init(CPUID_1E_1_EAX,
		F(AMX_INT8_ALIAS),
		F(AMX_BF16_ALIAS),
		F(AMX_INT8), /* { dg-warning "X86_FEATURE_AMX_INT8 is CPUID\.\(EAX=7,ECX=0\):EDX\[25\], word CPUID_7_EDX.*CPUID_1E_1_EAX.*\[cpuid-leaf\]" } */
	);
}
