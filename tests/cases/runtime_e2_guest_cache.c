/* cpuid-runtime, 6.14+: guest_cpu_cap_has() reads the vCPU's cached capabilities: OSXSAVE, OSPKE and APIC are updated at run time and may be stale there (findings); MWAIT is kept current and XSAVE is not a runtime feature (silent). */
#include "kvm_query.h"

bool vcpu_checks(struct kvm_vcpu *vcpu)
{
	bool a = guest_cpu_cap_has(vcpu, X86_FEATURE_OSXSAVE); /* { dg-warning "^guest_cpu_cap_has\(X86_FEATURE_OSXSAVE\): OSXSAVE \(CPUID\.1:ECX\[27\]\) is updated by KVM at run time to mirror CR4\.OSXSAVE, .*cached capabilities.*test CR4\.OSXSAVE itself instead \[cpuid-runtime\]" } */
	bool b = guest_cpu_cap_has(vcpu, X86_FEATURE_OSPKE); /* { dg-warning "OSPKE \(CPUID\.\(EAX=7,ECX=0\):ECX\[4\]\) .*mirror CR4\.PKE.*\[cpuid-runtime\]" } */
	bool c = guest_cpu_cap_has(vcpu, X86_FEATURE_APIC); /* { dg-warning "APIC \(CPUID\.1:EDX\[9\]\) .*mirror APICBASE\.ENABLE.*\[cpuid-runtime\]" } */
	bool d = guest_cpu_cap_has(vcpu, X86_FEATURE_MWAIT);
	bool e = guest_cpu_cap_has(vcpu, X86_FEATURE_XSAVE);

	return a && b && c && d && e;
}
