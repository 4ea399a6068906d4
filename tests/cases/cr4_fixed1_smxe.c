/* cpuid-cr4, nested VMX (6.1 shape): the fixed1 code sets CR4.SMXE, which CR4_RESERVED_BITS never allows: a finding at that tuple; the other tuples are silent. */
#include "cr4_allowed.h"
#include "cr4_fixed1.h"

#define CR4_RESERVED_BITS	(~(unsigned long)(CR4_ALLOWED_6_1))

static void nested_vmx_cr_fixed1_bits_update(struct kvm_vcpu *vcpu)
{
	CR4_FIXED1_START(vcpu);
	CR4_FIXED1_LEAF1;
	cr4_fixed1_update(X86_CR4_SMXE,       ecx, feature_bit(SMX)); /* { dg-warning "^(?=.*CR4\.SMXE\b)(?=.*CR4_RESERVED_BITS).*\[cpuid-cr4\]" } */
	CR4_FIXED1_LEAF7_6_1;
}
