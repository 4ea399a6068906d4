/* Raw masks on entries whose origin can't be known (a parameter, an unguarded loop, a lookup with a variable function) are silent, even with feature bits from other registers. */
#include "kvm_query.h"

bool param_entry(struct kvm_cpuid_entry2 *entry)
{
	return entry->ecx & feature_bit(SMEP);
}

u32 unguarded_loop(struct kvm_vcpu *vcpu)
{
	u32 bits = 0;
	int i;

	for (i = 0; i < vcpu->arch.cpuid_nent; i++) {
		struct kvm_cpuid_entry2 *e = &vcpu->arch.cpuid_entries[i];

		bits |= e->edx & feature_bit(XSAVE);
	}
	return bits;
}

bool variable_function(struct kvm_vcpu *vcpu, u32 function)
{
	struct kvm_cpuid_entry2 *entry = kvm_find_cpuid_entry(vcpu, function);

	return entry && (entry->edx & feature_bit(VMX));
}
