/* cpuid-runtime, 6.1/6.12: guest_cpuid_has() reads the guest's CPUID entries, which KVM updates in place: runtime features are fine there (silent); guest_can_use() reads the governed-features cache (finding). */
#include "kvm_query.h"

bool vcpu_checks(struct kvm_vcpu *vcpu)
{
	bool a = guest_cpuid_has(vcpu, X86_FEATURE_OSXSAVE);
	bool b = guest_cpuid_has(vcpu, X86_FEATURE_OSPKE);
	bool c = guest_cpuid_has(vcpu, X86_FEATURE_APIC);
	bool d = guest_can_use(vcpu, X86_FEATURE_OSXSAVE); /* { dg-warning "^guest_can_use\(X86_FEATURE_OSXSAVE\): .*guest_can_use\(\) reads the vCPU's cached capabilities.*\[cpuid-runtime\]" } */

	return a && b && c && d;
}
