/* cpuid-alias, raw: the 0x80000001 entry from kvm_find_cpuid_entry_index(..., 0) or from a function == 0x80000001 guard, masked on EDX with an alias bit, is a finding. */
#include "kvm_query.h"

u32 amd_raw_index(struct kvm_vcpu *vcpu)
{
	struct kvm_cpuid_entry2 *entry = kvm_find_cpuid_entry_index(vcpu, 0x80000001, 0);
	u32 n = 0;
	int i;

	if (entry && (entry->edx & feature_bit(MTRR))) /* { dg-warning "^(?=.*CPUID\.0x80000001:EDX\[12\])(?=.*X86_FEATURE_MTRR\b)(?=.*CPUID\.1:EDX\[12\]).*\[cpuid-alias\]" } */
		n |= 1;

	for (i = 0; i < vcpu->arch.cpuid_nent; i++) {
		struct kvm_cpuid_entry2 *e = &vcpu->arch.cpuid_entries[i];

		if (e->function == 0x80000001) {
			if (e->edx & feature_bit(PAE)) /* { dg-warning "^(?=.*CPUID\.0x80000001:EDX\[6\])(?=.*X86_FEATURE_PAE\b)(?=.*CPUID\.1:EDX\[6\]).*\[cpuid-alias\]" } */
				n |= 2;
			if (e->edx & feature_bit(LM))
				n |= 4;
		}
	}
	return n;
}
