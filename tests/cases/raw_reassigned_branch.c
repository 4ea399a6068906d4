/* Raw mask on an entry reassigned in one branch of an if and used after it: its origin is one of two, so no guess and no finding. */
#include "kvm_query.h"

bool either_entry(struct kvm_vcpu *vcpu, bool legacy)
{
	struct kvm_cpuid_entry2 *entry;

	entry = kvm_find_cpuid_entry_index(vcpu, 7, 0);
	if (legacy)
		entry = kvm_find_cpuid_entry(vcpu, 1);

	return entry && (entry->ecx & feature_bit(SMEP));
}
