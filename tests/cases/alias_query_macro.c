/* cpuid-alias: the thread's KVM_X86_FEATURE_FPU_ALIAS (0x8000_0001.EDX[0]) passed to guest_cpu_cap_has() is a finding naming the alias and X86_FEATURE_FPU, CPUID.1:EDX[0]; querying X86_FEATURE_FPU is silent. */
#include "kvm_query.h"

#define KVM_X86_FEATURE_FPU_ALIAS \
	(X86_FEATURE_FPU + (CPUID_8000_0001_EDX - CPUID_1_EDX) * 32)

bool guest_fpu(struct kvm_vcpu *vcpu)
{
	if (guest_cpu_cap_has(vcpu, KVM_X86_FEATURE_FPU_ALIAS)) /* { dg-warning "^(?=.*CPUID\.0x80000001:EDX\[0\])(?=.*X86_FEATURE_FPU\b)(?=.*CPUID\.1:EDX\[0\]).*\[cpuid-alias\]" } */
		return true;
	return guest_cpu_cap_has(vcpu, X86_FEATURE_FPU);
}
