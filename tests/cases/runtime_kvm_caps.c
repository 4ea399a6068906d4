/* cpuid-runtime, any era: KVM's own capabilities never have OSXSAVE, OSPKE or MWAIT (they mirror guest state), so kvm_cpu_cap_has()/kvm_cpu_cap_get() on them is always false (findings); APIC is advertised (silent). */
#include "kvm_query.h"

bool host_checks(void)
{
	bool a = kvm_cpu_cap_has(X86_FEATURE_OSXSAVE); /* { dg-warning "^kvm_cpu_cap_has\(X86_FEATURE_OSXSAVE\): OSXSAVE \(CPUID\.1:ECX\[27\]\) mirrors the guest's CR4\.OSXSAVE at run time and KVM's own capabilities never have it, so kvm_cpu_cap_has\(\) is always false here.*\[cpuid-runtime\]" } */
	bool b = kvm_cpu_cap_get(X86_FEATURE_MWAIT); /* { dg-warning "^kvm_cpu_cap_get\(X86_FEATURE_MWAIT\): .*MISC_ENABLE\.MWAIT.*always false.*\[cpuid-runtime\]" } */
	bool c = kvm_cpu_cap_has(X86_FEATURE_OSPKE); /* { dg-warning "OSPKE.*\[cpuid-runtime\]" } */
	bool d = kvm_cpu_cap_has(X86_FEATURE_APIC);

	return a && b && c && d;
}
