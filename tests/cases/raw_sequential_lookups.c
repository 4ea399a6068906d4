/* Raw masks follow the entry as reassigned in sequence (0x1, then 7.0, then 0x80000001): each read is judged against its own lookup. */
#include "kvm_query.h"

u32 walk(struct kvm_vcpu *vcpu)
{
	struct kvm_cpuid_entry2 *entry;
	u32 bits = 0;

	entry = kvm_find_cpuid_entry(vcpu, 0x1);
	if (entry && (entry->ecx & feature_bit(XSAVE)))
		bits |= 1;

	entry = kvm_find_cpuid_entry_index(vcpu, 0x7, 0);
	if (entry && (entry->ecx & feature_bit(XSAVE))) /* { dg-warning "X86_FEATURE_XSAVE is CPUID\.1:ECX\[26\].*CPUID\.\(EAX=7,ECX=0\):ECX.*\[cpuid-leaf\]" } */
		bits |= 2;

	entry = kvm_find_cpuid_entry(vcpu, 0x80000001);
	if (entry && (entry->ecx & feature_bit(SSE4A)))
		bits |= 4;
	if (entry && (entry->ecx & feature_bit(VMX))) /* { dg-warning "X86_FEATURE_VMX is CPUID\.1:ECX\[5\].*CPUID\.0x80000001:ECX.*\[cpuid-leaf\]" } */
		bits |= 8;
	return bits;
}
