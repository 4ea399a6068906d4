/* cpuid-cr4, nested VMX: cr4_fixed1_update(X86_CR4_SMEP, ebx, feature_bit(SMAP)) gates CR4.SMEP by the wrong feature: a finding naming CR4.SMEP, X86_FEATURE_SMAP and X86_FEATURE_SMEP. */
#include "cr4_allowed.h"
#include "cr4_fixed1.h"

#define CR4_RESERVED_BITS	(~(unsigned long)(CR4_ALLOWED_7_2))

static void nested_vmx_cr_fixed1_bits_update(struct kvm_vcpu *vcpu)
{
	CR4_FIXED1_START(vcpu);
	CR4_FIXED1_LEAF1;

	entry = kvm_find_cpuid_entry_index(vcpu, 0x7, 0);
	CR4_FIXED1_LEAF7_COMMON;
	cr4_fixed1_update(X86_CR4_LA57,       ecx, feature_bit(LA57));
	cr4_fixed1_update(X86_CR4_SMEP,       ebx, feature_bit(SMAP)); /* { dg-warning "^(?=.*CR4\.SMEP\b)(?=.*X86_FEATURE_SMAP\b)(?=.*X86_FEATURE_SMEP\b).*\[cpuid-cr4\]" } */
	CR4_FIXED1_7_2_EXTRAS;
}
