/* Raw mask: SMEP (7.0.EBX[7]) tested on the 7.1 sub-leaf's EBX is a finding; LAM on 7.1.EAX is right. */
#include "kvm_query.h"

unsigned long guest_lam_smep(struct kvm_vcpu *vcpu)
{
	struct kvm_cpuid_entry2 *entry;
	unsigned long bits = 0;

	entry = kvm_find_cpuid_entry_index(vcpu, 7, 1);
	if (entry && (entry->eax & feature_bit(LAM)))
		bits |= 1;
	if (entry && (entry->ebx & feature_bit(SMEP))) /* { dg-warning "X86_FEATURE_SMEP is CPUID\.\(EAX=7,ECX=0\):EBX\[7\].*CPUID\.\(EAX=7,ECX=1\):EBX.*\[cpuid-leaf\]" } */
		bits |= 2;
	return bits;
}
