/* Raw mask on an entry known only from guards (function == 7 && index == 0; index == 1 && function == 7 in the mask's own condition; function == 1): wrong registers are findings, right ones silent. */
#include "kvm_query.h"

void scan_entries(struct kvm_vcpu *vcpu, u32 *bits)
{
	int i;

	for (i = 0; i < vcpu->arch.cpuid_nent; i++) {
		struct kvm_cpuid_entry2 *e = &vcpu->arch.cpuid_entries[i];

		if (e->function == 7 && e->index == 0) {
			if (e->ebx & feature_bit(SMEP))
				*bits |= 1;
			if (e->edx & feature_bit(SMAP)) /* { dg-warning "X86_FEATURE_SMAP is CPUID\.\(EAX=7,ECX=0\):EBX\[20\].*CPUID\.\(EAX=7,ECX=0\):EDX.*\[cpuid-leaf\]" } */
				*bits |= 2;
		}
		if (e->index == 1 && e->function == 0x7 &&
		    (e->ebx & feature_bit(SMEP))) /* { dg-warning "X86_FEATURE_SMEP is CPUID\.\(EAX=7,ECX=0\):EBX\[7\].*CPUID\.\(EAX=7,ECX=1\):EBX.*\[cpuid-leaf\]" } */
			*bits |= 16;
		if (e->function == 1) {
			if (e->ecx & feature_bit(XSAVE))
				*bits |= 4;
			if (e->edx & feature_bit(XSAVE)) /* { dg-warning "X86_FEATURE_XSAVE is CPUID\.1:ECX\[26\].*CPUID\.1:EDX.*\[cpuid-leaf\]" } */
				*bits |= 8;
		}
	}
}
