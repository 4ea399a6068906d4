/* Raw mask: an entry from kvm_find_cpuid_entry_index(vcpu, 7, 0) masked on ECX with feature_bit(SMEP) (7.0.EBX[7]) is a finding; the right registers are silent. */
#include "kvm_query.h"

bool guest_smep_wrong(struct kvm_vcpu *vcpu)
{
	struct kvm_cpuid_entry2 *entry;

	entry = kvm_find_cpuid_entry_index(vcpu, 7, 0);
	if (!entry)
		return false;
	if (entry->ecx & feature_bit(SMEP)) /* { dg-warning "X86_FEATURE_SMEP is CPUID\.\(EAX=7,ECX=0\):EBX\[7\].*CPUID\.\(EAX=7,ECX=0\):ECX.*\[cpuid-leaf\]" } */
		return true;
	return false;
}

bool guest_smep_pku_right(struct kvm_vcpu *vcpu)
{
	struct kvm_cpuid_entry2 *entry = kvm_find_cpuid_entry_index(vcpu, 0x7, 0);

	return entry && (entry->ebx & feature_bit(SMEP)) &&
	       (entry->ecx & feature_bit(PKU)) &&
	       (entry->edx & feature_bit(IBT));
}
