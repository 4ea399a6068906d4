/* cpuid-alias: advertising or changing an alias (kvm_cpu_cap_set/clear, cpuid_entry_set, guest_cpu_cap_set/clear) is not a query: silent. */
#include "kvm_query.h"

#define KVM_X86_FEATURE_PSE_ALIAS	(X86_FEATURE_PSE + 32)

void advertise(struct kvm_vcpu *vcpu, struct kvm_cpuid_entry2 *entry)
{
	kvm_cpu_cap_set(KVM_X86_FEATURE_PSE_ALIAS);
	kvm_cpu_cap_clear(X86_FEATURE_FPU + 32);
	cpuid_entry_set(entry, X86_FEATURE_MTRR + 32);
	guest_cpu_cap_set(vcpu, X86_FEATURE_PAE + 32);
	guest_cpu_cap_clear(vcpu, X86_FEATURE_MCE + 32);
	kvm_cpu_cap_set(X86_FEATURE_AMX_INT8_ALIAS);
	guest_cpu_cap_set(vcpu, X86_FEATURE_AMX_BF16_ALIAS);
}
