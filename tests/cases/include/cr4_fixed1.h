/*
 * Mini nested-VMX CR4 fixed1 code for cpuidcheck unit cases (written for the
 * tests, vmx.c-shaped): cr4_fixed1_update() and the correct tuples, in
 * groups a case's nested_vmx_cr_fixed1_bits_update() strings together around
 * the tuple it tests:
 *
 *	static void nested_vmx_cr_fixed1_bits_update(struct kvm_vcpu *vcpu)
 *	{
 *		CR4_FIXED1_START(vcpu);
 *		CR4_FIXED1_LEAF1;
 *		CR4_FIXED1_LEAF7_6_1;
 *	}
 *
 * Tuple findings are reported at the line that invokes the group, so these
 * must stay right: a case writes a wrong tuple out in full on its own line.
 * The header also defines vmx_vcpu_after_set_cpuid(), the caller that keeps
 * the static fixed1 function alive; a case including it must define
 * nested_vmx_cr_fixed1_bits_update().
 */
#ifndef MINI_CR4_FIXED1_H
#define MINI_CR4_FIXED1_H

#include "nested_vmx.h"

/* vmx.c defines it inside the function; it uses the locals entry and vmx. */
#define cr4_fixed1_update(_cr4_mask, _reg, _cpuid_mask) do {		\
	if (entry && (entry->_reg & (_cpuid_mask)))			\
		vmx->nested.msrs.cr4_fixed1 |= (_cr4_mask);		\
} while (0)

/* The function's locals, and CR4.PCE, which fixed1 always allows. */
#define CR4_FIXED1_START(vcpu)						\
	struct vcpu_vmx *vmx = to_vmx(vcpu);				\
	struct kvm_cpuid_entry2 *entry;					\
									\
	vmx->nested.msrs.cr4_fixed1 = X86_CR4_PCE

/* CPUID.1's ECX tuples, without SMXE (CR4_RESERVED_BITS never allows it). */
#define CR4_FIXED1_LEAF1_ECX						\
	cr4_fixed1_update(X86_CR4_VMXE,       ecx, feature_bit(VMX));	\
	cr4_fixed1_update(X86_CR4_PCIDE,      ecx, feature_bit(PCID));	\
	cr4_fixed1_update(X86_CR4_OSXSAVE,    ecx, feature_bit(XSAVE))

/* CPUID.1: the legacy EDX bits, then the ECX ones. */
#define CR4_FIXED1_LEAF1						\
	entry = kvm_find_cpuid_entry(vcpu, 0x1);			\
	cr4_fixed1_update(X86_CR4_VME,        edx, feature_bit(VME));	\
	cr4_fixed1_update(X86_CR4_PVI,        edx, feature_bit(VME));	\
	cr4_fixed1_update(X86_CR4_TSD,        edx, feature_bit(TSC));	\
	cr4_fixed1_update(X86_CR4_DE,         edx, feature_bit(DE));	\
	cr4_fixed1_update(X86_CR4_PSE,        edx, feature_bit(PSE));	\
	cr4_fixed1_update(X86_CR4_PAE,        edx, feature_bit(PAE));	\
	cr4_fixed1_update(X86_CR4_MCE,        edx, feature_bit(MCE));	\
	cr4_fixed1_update(X86_CR4_PGE,        edx, feature_bit(PGE));	\
	cr4_fixed1_update(X86_CR4_OSFXSR,     edx, feature_bit(FXSR));	\
	cr4_fixed1_update(X86_CR4_OSXMMEXCPT, edx, feature_bit(XMM));	\
	CR4_FIXED1_LEAF1_ECX

/* CPUID.(EAX=7,ECX=0) tuples no case varies (not SMEP, not LA57); no lookup. */
#define CR4_FIXED1_LEAF7_COMMON						\
	cr4_fixed1_update(X86_CR4_FSGSBASE,   ebx, feature_bit(FSGSBASE)); \
	cr4_fixed1_update(X86_CR4_SMAP,       ebx, feature_bit(SMAP));	\
	cr4_fixed1_update(X86_CR4_PKE,        ecx, feature_bit(PKU));	\
	cr4_fixed1_update(X86_CR4_UMIP,       ecx, feature_bit(UMIP))

/* CPUID.(EAX=7,ECX=0) as of 6.1. */
#define CR4_FIXED1_LEAF7_6_1						\
	entry = kvm_find_cpuid_entry_index(vcpu, 0x7, 0);		\
	cr4_fixed1_update(X86_CR4_SMEP,       ebx, feature_bit(SMEP));	\
	CR4_FIXED1_LEAF7_COMMON;					\
	cr4_fixed1_update(X86_CR4_LA57,       ecx, feature_bit(LA57))

/* What 7.2 adds after the 6.1 leaf-7 tuples: CET by SHSTK and by IBT, LAM_SUP from 7.1; leaves entry at 7.1. */
#define CR4_FIXED1_7_2_EXTRAS						\
	cr4_fixed1_update(X86_CR4_CET,        ecx, feature_bit(SHSTK));	\
	cr4_fixed1_update(X86_CR4_CET,        edx, feature_bit(IBT));	\
									\
	entry = kvm_find_cpuid_entry_index(vcpu, 0x7, 1);		\
	cr4_fixed1_update(X86_CR4_LAM_SUP,    eax, feature_bit(LAM))

/* CPUID.7 as of 7.2. */
#define CR4_FIXED1_LEAF7_7_2						\
	CR4_FIXED1_LEAF7_6_1;						\
	CR4_FIXED1_7_2_EXTRAS

static void nested_vmx_cr_fixed1_bits_update(struct kvm_vcpu *vcpu);

void vmx_vcpu_after_set_cpuid(struct kvm_vcpu *vcpu)
{
	if (to_vmx(vcpu)->nested.vmxon)
		nested_vmx_cr_fixed1_bits_update(vcpu);
}

#endif
