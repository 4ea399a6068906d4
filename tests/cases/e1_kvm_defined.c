/* Era 1: kvm_cpu_cap_init_kvm_defined() lists of KVM-only words: F(PREFETCHITI) (7.1.EDX) in the CPUID_7_2_EDX list is wrong. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_init_kvm_defined(CPUID_7_1_EDX,
		F(AVX_VNNI_INT8) | F(AMX_COMPLEX) | F(PREFETCHITI)
	);

	kvm_cpu_cap_init_kvm_defined(CPUID_7_2_EDX,
		F(INTEL_PSFD) | F(IPRED_CTRL) |
		F(PREFETCHITI) /* { dg-warning "X86_FEATURE_PREFETCHITI is CPUID\.\(EAX=7,ECX=1\):EDX\[14\], word CPUID_7_1_EDX.*CPUID_7_2_EDX.*\[cpuid-leaf\]" } */
	);
}
