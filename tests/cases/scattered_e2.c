/* cpuid-scattered, era 2: SCATTERED_F() and SYNTHESIZED_F() of KVM-only numbers are findings (7.x's BUILD_BUG_ON says only __compiletime_assert); SCATTERED_F(SGX1) and SYNTHESIZED_F(TSA_SQ_NO) are silent. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_7_1_EDX,
		F(AVX_VNNI_INT8),
		SCATTERED_F(AMX_COMPLEX), /* { dg-warning "^SCATTERED_F\(AMX_COMPLEX\): X86_FEATURE_AMX_COMPLEX is KVM's own number for CPUID\.\(EAX=7,ECX=1\):EDX\[8\].*\[cpuid-scattered\]" } */
	);

	kvm_cpu_cap_init(CPUID_12_EAX,
		SCATTERED_F(SGX1),
	);

	kvm_cpu_cap_init(CPUID_7_2_EDX,
		SYNTHESIZED_F(IPRED_CTRL), /* { dg-warning "^SYNTHESIZED_F\(IPRED_CTRL\): X86_FEATURE_IPRED_CTRL is KVM's own number.*\[cpuid-scattered\]" } */
	);

	kvm_cpu_cap_init(CPUID_8000_0021_ECX,
		SYNTHESIZED_F(TSA_SQ_NO),
	);
}
