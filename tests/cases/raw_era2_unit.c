/* Raw masks in an era-2 unit (kvm_cpu_cap_init() lists beside them): the list is clean, the raw mask on the wrong register is a finding. */
#include "cpuid_era2.h"
#include "kvm_query.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_7_0_EBX,
		F(FSGSBASE),
		F(SMEP),
		F(SMAP),
	);
}

bool guest_has_smep_raw(struct kvm_vcpu *vcpu)
{
	struct kvm_cpuid_entry2 *best = kvm_find_cpuid_entry_index(vcpu, 7, 0);

	return best && (best->edx & feature_bit(SMEP)); /* { dg-warning "X86_FEATURE_SMEP is CPUID\.\(EAX=7,ECX=0\):EBX\[7\].*CPUID\.\(EAX=7,ECX=0\):EDX.*\[cpuid-leaf\]" } */
}
