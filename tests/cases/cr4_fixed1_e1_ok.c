/* cpuid-cr4, nested VMX (6.1 shape, no CET/LAM_SUP, without SMXE) with 6.1's CR4_RESERVED_BITS: silent. */
#include "cr4_allowed.h"
#include "cr4_fixed1.h"

#define CR4_RESERVED_BITS	(~(unsigned long)(CR4_ALLOWED_6_1))

static void nested_vmx_cr_fixed1_bits_update(struct kvm_vcpu *vcpu)
{
	CR4_FIXED1_START(vcpu);
	CR4_FIXED1_LEAF1;
	CR4_FIXED1_LEAF7_6_1;
}
