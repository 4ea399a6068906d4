/* cpuid-cr4, nested VMX in the vmx.c shape (the reserved-bits macro defined, not expanded, in the unit): the SMXE tuple, a bit CR4_RESERVED_BITS never allows, is a finding at that tuple. */
#include "cr4_allowed.h"
#include "cr4_fixed1.h"

#define CR4_RESERVED_BITS	(~(unsigned long)(CR4_ALLOWED_6_1))

#define __cr4_reserved_bits(__cpu_has, __c)             \
({                                                      \
	u64 __reserved_bits = CR4_RESERVED_BITS;        \
	if (!__cpu_has(__c, X86_FEATURE_XSAVE))         \
		__reserved_bits |= X86_CR4_OSXSAVE;     \
	__reserved_bits;                                \
})

static void nested_vmx_cr_fixed1_bits_update(struct kvm_vcpu *vcpu)
{
	CR4_FIXED1_START(vcpu);
	CR4_FIXED1_LEAF1;
	cr4_fixed1_update(X86_CR4_SMXE,       ecx, feature_bit(SMX)); /* { dg-warning "^(?=.*CR4\.SMXE\b)(?=.*CR4_RESERVED_BITS).*\[cpuid-cr4\]" } */
	CR4_FIXED1_LEAF7_6_1;
}
