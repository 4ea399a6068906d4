/* Raw mask after 5.10's kvm_find_cpuid_entry(vcpu, fn, idx): the lookup's function and index are its 2nd and 3rd arguments, so 1.EDX and 7.0.EBX reads are right and SMEP on the 7.1 sub-leaf is a finding. */
#define MINI_LOOKUP_5_10
#include "kvm_query.h"

unsigned long guest_vme_smep(struct kvm_vcpu *vcpu)
{
	struct kvm_cpuid_entry2 *entry;
	unsigned long bits = 0;

	entry = kvm_find_cpuid_entry(vcpu, 0x1, 0);
	if (entry && (entry->edx & feature_bit(VME)))
		bits |= 1;
	entry = kvm_find_cpuid_entry(vcpu, 0x7, 0);
	if (entry && (entry->ebx & feature_bit(SMEP)))
		bits |= 2;
	entry = kvm_find_cpuid_entry(vcpu, 7, 1);
	if (entry && (entry->ebx & feature_bit(SMAP))) /* { dg-warning "X86_FEATURE_SMAP is CPUID\.\(EAX=7,ECX=0\):EBX\[20\].*CPUID\.\(EAX=7,ECX=1\):EBX.*\[cpuid-leaf\]" } */
		bits |= 4;
	return bits;
}
