/* cpuid-cr4, nested VMX: CR4.SMEP tested after the 7.1 lookup (SMEP is 7.0.EBX[7]) is a wrong-subleaf finding at that tuple, no cpuid-leaf one; LAM_SUP from 7.1 is right. */
#include "cr4_allowed.h"
#include "cr4_fixed1.h"

#define CR4_RESERVED_BITS	(~(unsigned long)(CR4_ALLOWED_7_2))

static void nested_vmx_cr_fixed1_bits_update(struct kvm_vcpu *vcpu)
{
	CR4_FIXED1_START(vcpu);
	CR4_FIXED1_LEAF1;
	CR4_FIXED1_LEAF7_7_2;		/* leaves entry at CPUID.(EAX=7,ECX=1) */
	cr4_fixed1_update(X86_CR4_SMEP,       ebx, feature_bit(SMEP)); /* { dg-warning "^(?=.*CR4\.SMEP\b)(?=.*X86_FEATURE_SMEP\b)(?=.*CPUID\.\(EAX=7,ECX=0\):EBX\[7\])(?=.*ECX=1).*\[cpuid-cr4\]" } */
}
