/* cpuid-cr4, nested VMX as in 5.10: lookups are kvm_find_cpuid_entry(vcpu, fn, idx); the right tuples give nothing, SMEP read from ECX is one finding at its line (SMXE is left out: CR4_RESERVED_BITS never allows it). */
#define MINI_LOOKUP_5_10
#include "cr4_allowed.h"
#include "cr4_fixed1.h"

#define CR4_RESERVED_BITS	(~(unsigned long)(CR4_ALLOWED_7_2))

static void nested_vmx_cr_fixed1_bits_update(struct kvm_vcpu *vcpu)
{
	CR4_FIXED1_START(vcpu);

	entry = kvm_find_cpuid_entry(vcpu, 0x1, 0);
	cr4_fixed1_update(X86_CR4_VME,        edx, feature_bit(VME));
	cr4_fixed1_update(X86_CR4_PVI,        edx, feature_bit(VME));
	cr4_fixed1_update(X86_CR4_TSD,        edx, feature_bit(TSC));
	cr4_fixed1_update(X86_CR4_DE,         edx, feature_bit(DE));
	cr4_fixed1_update(X86_CR4_PSE,        edx, feature_bit(PSE));
	cr4_fixed1_update(X86_CR4_PAE,        edx, feature_bit(PAE));
	cr4_fixed1_update(X86_CR4_MCE,        edx, feature_bit(MCE));
	cr4_fixed1_update(X86_CR4_PGE,        edx, feature_bit(PGE));
	cr4_fixed1_update(X86_CR4_OSFXSR,     edx, feature_bit(FXSR));
	cr4_fixed1_update(X86_CR4_OSXMMEXCPT, edx, feature_bit(XMM));
	CR4_FIXED1_LEAF1_ECX;

	entry = kvm_find_cpuid_entry(vcpu, 0x7, 0);
	CR4_FIXED1_LEAF7_COMMON;
	cr4_fixed1_update(X86_CR4_LA57,       ecx, feature_bit(LA57));
	cr4_fixed1_update(X86_CR4_SMEP,       ecx, feature_bit(SMEP)); /* { dg-warning "^(?=.*CR4\.SMEP\b)(?=.*X86_FEATURE_SMEP\b)(?=.*CPUID\.\(EAX=7,ECX=0\):EBX\[7\])(?=.*tests CPUID\.\(EAX=7,ECX=0\):ECX\[7\]).*\[cpuid-cr4\]" } */
	cr4_fixed1_update(X86_CR4_CET,        ecx, feature_bit(SHSTK));
	cr4_fixed1_update(X86_CR4_CET,        edx, feature_bit(IBT));

	entry = kvm_find_cpuid_entry(vcpu, 0x7, 1);
	cr4_fixed1_update(X86_CR4_LAM_SUP,    eax, feature_bit(LAM));
}
