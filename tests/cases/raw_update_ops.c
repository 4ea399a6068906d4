/* Raw compound updates: entry->ebx &= ~F(SMEP) on 7.0 is silent, on 7.1 a finding; |= and ^ are judged too. */
#include "cpuid_era1.h"
#include "kvm_query.h"

void clear_smep(struct kvm_vcpu *vcpu)
{
	struct kvm_cpuid_entry2 *entry;

	entry = kvm_find_cpuid_entry_index(vcpu, 7, 0);
	if (entry) {
		entry->ebx &= ~F(SMEP);
		entry->ecx |= F(PKU);
		entry->edx = entry->edx ^ F(IBT);
	}

	entry = kvm_find_cpuid_entry_index(vcpu, 7, 1);
	if (entry) {
		entry->eax &= ~F(LAM);
		entry->ebx &= ~F(SMEP); /* { dg-warning "X86_FEATURE_SMEP is CPUID\.\(EAX=7,ECX=0\):EBX\[7\].*CPUID\.\(EAX=7,ECX=1\):EBX.*\[cpuid-leaf\]" } */
		entry->eax |= F(PKU); /* { dg-warning "X86_FEATURE_PKU is CPUID\.\(EAX=7,ECX=0\):ECX\[3\].*CPUID\.\(EAX=7,ECX=1\):EAX.*\[cpuid-leaf\]" } */
		entry->eax = entry->eax ^ F(FRED);
	}
}
