/* Option -disable=cpuid-alias silences alias queries and alias raw masks; cpuid-leaf raw masks are still reported. */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-disable=cpuid-alias" } */
#include "kvm_query.h"

u32 mixed(struct kvm_vcpu *vcpu)
{
	struct kvm_cpuid_entry2 *entry;
	u32 n = 0;

	n += guest_cpu_cap_has(vcpu, X86_FEATURE_PSE + 32);
	n += guest_cpu_cap_has(vcpu, X86_FEATURE_AMX_INT8_ALIAS);

	entry = kvm_find_cpuid_entry(vcpu, 0x80000001);
	if (entry && (entry->edx & feature_bit(FPU)))
		n |= 1;

	entry = kvm_find_cpuid_entry_index(vcpu, 7, 0);
	if (entry && (entry->ecx & feature_bit(SMEP))) /* { dg-warning "X86_FEATURE_SMEP is CPUID\.\(EAX=7,ECX=0\):EBX\[7\].*\[cpuid-leaf\]" } */
		n |= 2;
	return n;
}
