/* cpuid-cr4, nested VMX: a unit without CR4_RESERVED_BITS can't judge the SMXE tuple (its tuples are all right): silent. */
#include "cr4_fixed1.h"

static void nested_vmx_cr_fixed1_bits_update(struct kvm_vcpu *vcpu)
{
	CR4_FIXED1_START(vcpu);
	CR4_FIXED1_LEAF1;
	cr4_fixed1_update(X86_CR4_SMXE,       ecx, feature_bit(SMX));
	CR4_FIXED1_LEAF7_6_1;
}
