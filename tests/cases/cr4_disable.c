/* Option -disable=cpuid-cr4 silences missing gates (the VME and DE ones cr4_rsvd_legacy.h lacks); a cpuid-leaf raw mask in the same unit is still reported. */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-disable=cpuid-cr4" } */
#include "cr4_rsvd_legacy.h"
#include "cr4_rsvd_users.h"

bool smep_raw(struct kvm_vcpu *vcpu)
{
	struct kvm_cpuid_entry2 *entry = kvm_find_cpuid_entry_index(vcpu, 7, 0);

	return entry && (entry->ecx & feature_bit(SMEP)); /* { dg-warning "X86_FEATURE_SMEP is CPUID\.\(EAX=7,ECX=0\):EBX\[7\].*\[cpuid-leaf\]" } */
}
