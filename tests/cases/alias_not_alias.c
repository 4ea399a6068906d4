/* cpuid-alias: real 0x8000_0001.EDX features (SYSCALL, NX, MMXEXT, FXSR_OPT, GBPAGES, RDTSCP, LM, 3DNow) and 0x8000_0001.ECX ones are not aliases: querying them is silent. */
#include "kvm_query.h"

u32 amd_features(struct kvm_vcpu *vcpu, struct kvm_cpuid_entry2 *entry)
{
	u32 n = 0;

	n += guest_cpuid_has(vcpu, X86_FEATURE_SYSCALL);
	n += guest_cpu_cap_has(vcpu, X86_FEATURE_NX);
	n += guest_can_use(vcpu, X86_FEATURE_MMXEXT);
	n += kvm_cpu_cap_has(X86_FEATURE_FXSR_OPT);
	n += kvm_cpu_cap_get(X86_FEATURE_GBPAGES);
	n += cpuid_entry_has(entry, X86_FEATURE_RDTSCP);
	n += cpuid_entry_get(entry, X86_FEATURE_LM);
	n += guest_cpu_cap_has(vcpu, X86_FEATURE_3DNOW);
	n += guest_cpu_cap_has(vcpu, X86_FEATURE_SSE4A);
	kvm_governed_feature_check_and_set(vcpu, X86_FEATURE_NX);
	return n;
}
