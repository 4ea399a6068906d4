/* Raw mask built from several feature_bit()/__feature_bit() calls over several lines: only the wrong feature is reported, on the line it is written. */
#include "kvm_query.h"

bool smep_smap_umip(struct kvm_vcpu *vcpu)
{
	struct kvm_cpuid_entry2 *entry = kvm_find_cpuid_entry_index(vcpu, 7, 0);
	u32 want = 0;

	if (!entry)
		return false;
	want = entry->ebx & (feature_bit(SMEP) |
			     __feature_bit(X86_FEATURE_SMAP) |
			     feature_bit(UMIP) | /* { dg-warning "X86_FEATURE_UMIP is CPUID\.\(EAX=7,ECX=0\):ECX\[2\].*CPUID\.\(EAX=7,ECX=0\):EBX.*\[cpuid-leaf\]" } */
			     feature_bit(FSGSBASE));
	return want != 0;
}
