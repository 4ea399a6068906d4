/* cpuid-cr4: a suppression line with subject "*" acknowledges every cpuid-cr4 finding of the unit (counted: the VME and DE gates cr4_rsvd_legacy.h lacks), but not a cpuid-leaf finding; an unused cpuid-alias line changes nothing. */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-suppress=tests/cases/suppress/cr4-all.supp" } */
/* { dg-stderr "^cpuidcheck: note: 2 findings suppressed by tests/cases/suppress/cr4-all\.supp$" } */
#include "cr4_rsvd_legacy.h"
#include "cr4_rsvd_users.h"

bool smep_raw(struct kvm_vcpu *vcpu)
{
	struct kvm_cpuid_entry2 *entry = kvm_find_cpuid_entry_index(vcpu, 7, 0);

	return entry && (entry->ecx & feature_bit(SMEP)); /* { dg-warning "X86_FEATURE_SMEP is CPUID\.\(EAX=7,ECX=0\):EBX\[7\].*\[cpuid-leaf\]" } */
}
