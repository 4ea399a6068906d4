/* cpuid-cr4, nested VMX (7.2 tuples without the LA57 one, the 2019 bug): the reserved-bits macro (cr4_rsvd_gated.h) gates CR4.LA57 but fixed1 never sets it: a finding at the fixed1 function. */
#include "cr4_allowed.h"
#include "cr4_rsvd_gated.h"
#include "cr4_fixed1.h"

#define CR4_RESERVED_BITS	(~(unsigned long)(CR4_ALLOWED_7_2))

static void nested_vmx_cr_fixed1_bits_update(struct kvm_vcpu *vcpu) /* { dg-warning "^(?=.*CR4\.LA57\b)(?=.*cr4_fixed1).*\[cpuid-cr4\]" } */
{
	CR4_FIXED1_START(vcpu);
	CR4_FIXED1_LEAF1;

	/* CPUID.(EAX=7,ECX=0) without the LA57 tuple */
	entry = kvm_find_cpuid_entry_index(vcpu, 0x7, 0);
	cr4_fixed1_update(X86_CR4_SMEP,       ebx, feature_bit(SMEP));
	CR4_FIXED1_LEAF7_COMMON;
	CR4_FIXED1_7_2_EXTRAS;
}
