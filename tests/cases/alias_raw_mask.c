/* cpuid-alias, raw: a 0x80000001 entry masked on EDX with an alias bit (feature_bit(PSE), BIT(3), cpuid_edx(0x80000001) & F(FPU)) is a cpuid-alias finding and no cpuid-leaf one; NX, SYSCALL and ECX bits are silent. */
#include "kvm_query.h"

u32 amd_raw(struct kvm_vcpu *vcpu)
{
	struct kvm_cpuid_entry2 *entry;
	u32 n = 0;

	entry = kvm_find_cpuid_entry(vcpu, 0x80000001);
	if (!entry)
		return 0;
	if (entry->edx & feature_bit(PSE)) /* { dg-warning "^(?=.*CPUID\.0x80000001:EDX\[3\])(?=.*X86_FEATURE_PSE\b)(?=.*CPUID\.1:EDX\[3\]).*\[cpuid-alias\]" } */
		n |= 1;
	if (entry->edx & BIT(3)) /* { dg-warning "^(?=.*CPUID\.0x80000001:EDX\[3\])(?=.*X86_FEATURE_PSE\b).*\[cpuid-alias\]" } */
		n |= 2;
	if (entry->edx & feature_bit(NX))
		n |= 4;
	if (entry->edx & (BIT(11) | BIT(20)))
		n |= 8;
	if (entry->ecx & feature_bit(SSE4A))
		n |= 16;
	if (cpuid_edx(0x80000001) & feature_bit(FPU)) /* { dg-warning "^(?=.*CPUID\.0x80000001:EDX\[0\])(?=.*X86_FEATURE_FPU\b)(?=.*CPUID\.1:EDX\[0\]).*\[cpuid-alias\]" } */
		n |= 32;
	if (cpuid_edx(0x80000001) & feature_bit(SYSCALL))
		n |= 64;
	return n;
}
