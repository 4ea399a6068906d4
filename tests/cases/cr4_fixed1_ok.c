/* cpuid-cr4, nested VMX (7.2 shape without SMXE): every cr4_fixed1_update() tuple matches the CR4 table and its feature's function, index and register; CET by SHSTK and by IBT, LAM_SUP from 7.1: silent. */
#include "cr4_allowed.h"
#include "cr4_fixed1.h"

#define CR4_RESERVED_BITS	(~(unsigned long)(CR4_ALLOWED_7_2))

static void nested_vmx_cr_fixed1_bits_update(struct kvm_vcpu *vcpu)
{
	CR4_FIXED1_START(vcpu);
	CR4_FIXED1_LEAF1;
	CR4_FIXED1_LEAF7_7_2;
}
