/* cpuid-alias: an alias queried through the unit's own wrapper macros is reported where the person wrote the alias, not in the macro. */
#include "kvm_query.h"

#define KVM_X86_FEATURE_PSE_ALIAS	(X86_FEATURE_PSE + 32)

#define guest_has(vcpu, f)		guest_cpu_cap_has(vcpu, f)
#define guest_has_legacy(vcpu, name)	guest_has(vcpu, KVM_X86_FEATURE_##name##_ALIAS)

bool wrapped(struct kvm_vcpu *vcpu)
{
	bool a, b, c;

	a = guest_has(vcpu, KVM_X86_FEATURE_PSE_ALIAS); /* { dg-warning "^(?=.*CPUID\.0x80000001:EDX\[3\])(?=.*X86_FEATURE_PSE\b)(?=.*CPUID\.1:EDX\[3\]).*\[cpuid-alias\]" } */
	b = guest_has_legacy(vcpu, PSE); /* { dg-warning "^(?=.*CPUID\.0x80000001:EDX\[3\])(?=.*X86_FEATURE_PSE\b)(?=.*CPUID\.1:EDX\[3\]).*\[cpuid-alias\]" } */
	c = guest_has(vcpu, X86_FEATURE_PSE);
	return a || b || c;
}
