/* cpuid-scattered, era 1: SF() tests the host kernel with boot_cpu_has(X86_FEATURE_x): SF(PREFETCHITI), a KVM-only number, is a finding; SF(SGX1), a scattered kernel feature KVM translates, is silent; so are F() of KVM-only features. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_init_kvm_defined(CPUID_7_1_EDX,
		F(AVX_VNNI_INT8) | F(AMX_COMPLEX) |
		SF(PREFETCHITI) /* { dg-warning "^SF\(PREFETCHITI\): X86_FEATURE_PREFETCHITI is KVM's own number for CPUID\.\(EAX=7,ECX=1\):EDX\[14\] \(word CPUID_7_1_EDX, KVM-only\), not a feature of the kernel's capability words, so boot_cpu_has\(X86_FEATURE_PREFETCHITI\) tests a bit past the kernel's x86_capability words; use F\(PREFETCHITI\).*\[cpuid-scattered\]" } */
	);

	kvm_cpu_cap_init_kvm_defined(CPUID_12_EAX,
		SF(SGX1) | SF(SGX2)
	);
}
