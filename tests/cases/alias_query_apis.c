/* cpuid-alias: every query API with an aliased 0x8000_0001.EDX feature, spelled in several ways, is a finding naming the 0x1.EDX feature to query instead. */
#include "kvm_query.h"

#define X86_FEATURE_PSE_AMD	(CPUID_8000_0001_EDX * 32 + 3)
#define X86_FEATURE_PAT_AMD	KVM_X86_FEATURE(CPUID_8000_0001_EDX, 16)

u32 queries(struct kvm_vcpu *vcpu, struct kvm_cpuid_entry2 *entry)
{
	u32 n = 0;

	n += guest_cpuid_has(vcpu, X86_FEATURE_PSE_AMD); /* { dg-warning "^(?=.*CPUID\.0x80000001:EDX\[3\])(?=.*X86_FEATURE_PSE\b)(?=.*CPUID\.1:EDX\[3\]).*\[cpuid-alias\]" } */
	n += guest_cpu_cap_has(vcpu, X86_FEATURE_PAT_AMD); /* { dg-warning "^(?=.*CPUID\.0x80000001:EDX\[16\])(?=.*X86_FEATURE_PAT\b)(?=.*CPUID\.1:EDX\[16\]).*\[cpuid-alias\]" } */
	n += guest_can_use(vcpu, X86_FEATURE_TSC + 32); /* { dg-warning "^(?=.*CPUID\.0x80000001:EDX\[4\])(?=.*X86_FEATURE_TSC\b)(?=.*CPUID\.1:EDX\[4\]).*\[cpuid-alias\]" } */
	n += kvm_cpu_cap_has(1*32 + 24); /* { dg-warning "^(?=.*CPUID\.0x80000001:EDX\[24\])(?=.*X86_FEATURE_FXSR\b)(?=.*CPUID\.1:EDX\[24\]).*\[cpuid-alias\]" } */
	n += kvm_cpu_cap_get(KVM_X86_FEATURE(CPUID_8000_0001_EDX, 9)); /* { dg-warning "^(?=.*CPUID\.0x80000001:EDX\[9\])(?=.*X86_FEATURE_APIC\b)(?=.*CPUID\.1:EDX\[9\]).*\[cpuid-alias\]" } */
	n += cpuid_entry_has(entry, X86_FEATURE_CMOV + 32); /* { dg-warning "^(?=.*CPUID\.0x80000001:EDX\[15\])(?=.*X86_FEATURE_CMOV\b)(?=.*CPUID\.1:EDX\[15\]).*\[cpuid-alias\]" } */
	n += cpuid_entry_get(entry, X86_FEATURE_MMX + 32); /* { dg-warning "^(?=.*CPUID\.0x80000001:EDX\[23\])(?=.*X86_FEATURE_MMX\b)(?=.*CPUID\.1:EDX\[23\]).*\[cpuid-alias\]" } */
	kvm_governed_feature_check_and_set(vcpu, X86_FEATURE_PGE + 32); /* { dg-warning "^(?=.*CPUID\.0x80000001:EDX\[13\])(?=.*X86_FEATURE_PGE\b)(?=.*CPUID\.1:EDX\[13\]).*\[cpuid-alias\]" } */

	/* the originals: silent */
	n += guest_cpuid_has(vcpu, X86_FEATURE_PSE);
	n += guest_cpu_cap_has(vcpu, X86_FEATURE_PAT);
	n += kvm_cpu_cap_has(X86_FEATURE_FXSR);
	n += cpuid_entry_has(entry, X86_FEATURE_CMOV);
	return n;
}
