/* Raw mask with scattered features: feature_bit(SGX1)/(SGX2) translate to 0x12.0.EAX[0]/[1]; SGX1 on the 0x12 entry's EAX is silent, SGX2 on EBX a finding. */
#include "kvm_query.h"

u32 sgx_bits(struct kvm_vcpu *vcpu)
{
	struct kvm_cpuid_entry2 *entry;
	u32 bits = 0;

	entry = kvm_find_cpuid_entry_index(vcpu, 0x12, 0);
	if (!entry)
		return 0;
	if (entry->eax & feature_bit(SGX1))
		bits |= 1;
	if (entry->ebx & feature_bit(SGX2)) /* { dg-warning "X86_FEATURE_SGX2 is CPUID\.\(EAX=0x12,ECX=0\):EAX\[1\].*CPUID\.\(EAX=0x12,ECX=0\):EBX.*\[cpuid-leaf\]" } */
		bits |= 2;
	return bits;
}
