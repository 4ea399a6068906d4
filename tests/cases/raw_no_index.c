/* Raw mask on kvm_find_cpuid_entry(vcpu, 7) (no sub-leaf given): the wrong register is still a finding, the right one silent. */
#include "kvm_query.h"

bool smep_no_index(struct kvm_vcpu *vcpu)
{
	struct kvm_cpuid_entry2 *entry = kvm_find_cpuid_entry(vcpu, 7);

	if (!entry)
		return false;
	if (entry->ebx & feature_bit(SMEP))
		return true;
	return entry->ecx & feature_bit(SMEP); /* { dg-warning "X86_FEATURE_SMEP is CPUID\.\(EAX=7,ECX=0\):EBX\[7\].*CPUID\.(7|\(EAX=7[^)]*\)):ECX.*\[cpuid-leaf\]" } */
}
