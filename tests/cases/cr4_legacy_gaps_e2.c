/* cpuid-cr4, era 2 (7.2 shape): full CR4_RESERVED_BITS, the 7.2 gates, host and guest expansions OR'ed: the ten ungated legacy bits (VME..OSXMMEXCPT, not PCE) are findings at the #define, once each. */
#include "cr4_allowed.h"

#define CR4_RESERVED_BITS	(~(unsigned long)(CR4_ALLOWED_7_2))

#define __cr4_reserved_bits(__cpu_has, __c) /* { dg-warning "^(?=.*CR4\.VME\b)(?=.*X86_FEATURE_VME\b)(?=.*CPUID\.1:EDX\[1\]).*\[cpuid-cr4\]" } */ /* { dg-warning "^(?=.*CR4\.PVI\b)(?=.*X86_FEATURE_VME\b)(?=.*CPUID\.1:EDX\[1\]).*\[cpuid-cr4\]" } */ /* { dg-warning "^(?=.*CR4\.TSD\b)(?=.*X86_FEATURE_TSC\b)(?=.*CPUID\.1:EDX\[4\]).*\[cpuid-cr4\]" } */ /* { dg-warning "^(?=.*CR4\.DE\b)(?=.*X86_FEATURE_DE\b)(?=.*CPUID\.1:EDX\[2\]).*\[cpuid-cr4\]" } */ /* { dg-warning "^(?=.*CR4\.PSE\b)(?=.*X86_FEATURE_PSE\b)(?=.*CPUID\.1:EDX\[3\]).*\[cpuid-cr4\]" } */ /* { dg-warning "^(?=.*CR4\.PAE\b)(?=.*X86_FEATURE_PAE\b)(?=.*CPUID\.1:EDX\[6\]).*\[cpuid-cr4\]" } */ /* { dg-warning "^(?=.*CR4\.MCE\b)(?=.*X86_FEATURE_MCE\b)(?=.*CPUID\.1:EDX\[7\]).*\[cpuid-cr4\]" } */ /* { dg-warning "^(?=.*CR4\.PGE\b)(?=.*X86_FEATURE_PGE\b)(?=.*CPUID\.1:EDX\[13\]).*\[cpuid-cr4\]" } */ /* { dg-warning "^(?=.*CR4\.OSFXSR\b)(?=.*X86_FEATURE_FXSR\b)(?=.*CPUID\.1:EDX\[24\]).*\[cpuid-cr4\]" } */ /* { dg-warning "^(?=.*CR4\.OSXMMEXCPT\b)(?=.*X86_FEATURE_XMM\b)(?=.*CPUID\.1:EDX\[25\]).*\[cpuid-cr4\]" } */ \
({                                                      \
	u64 __reserved_bits = CR4_RESERVED_BITS;        \
                                                        \
	if (!__cpu_has(__c, X86_FEATURE_XSAVE))         \
		__reserved_bits |= X86_CR4_OSXSAVE;     \
	if (!__cpu_has(__c, X86_FEATURE_SMEP))          \
		__reserved_bits |= X86_CR4_SMEP;        \
	if (!__cpu_has(__c, X86_FEATURE_SMAP))          \
		__reserved_bits |= X86_CR4_SMAP;        \
	if (!__cpu_has(__c, X86_FEATURE_FSGSBASE))      \
		__reserved_bits |= X86_CR4_FSGSBASE;    \
	if (!__cpu_has(__c, X86_FEATURE_PKU))           \
		__reserved_bits |= X86_CR4_PKE;         \
	if (!__cpu_has(__c, X86_FEATURE_LA57))          \
		__reserved_bits |= X86_CR4_LA57;        \
	if (!__cpu_has(__c, X86_FEATURE_UMIP))          \
		__reserved_bits |= X86_CR4_UMIP;        \
	if (!__cpu_has(__c, X86_FEATURE_VMX))           \
		__reserved_bits |= X86_CR4_VMXE;        \
	if (!__cpu_has(__c, X86_FEATURE_PCID))          \
		__reserved_bits |= X86_CR4_PCIDE;       \
	if (!__cpu_has(__c, X86_FEATURE_LAM))           \
		__reserved_bits |= X86_CR4_LAM_SUP;     \
	if (!__cpu_has(__c, X86_FEATURE_SHSTK) &&       \
	    !__cpu_has(__c, X86_FEATURE_IBT))           \
		__reserved_bits |= X86_CR4_CET;         \
	__reserved_bits;                                \
})

void kvm_vcpu_after_set_cpuid(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_rsvd_bits = __cr4_reserved_bits(__kvm_cpu_cap_has, UNUSED_) |
					 __cr4_reserved_bits(guest_cpu_cap_has, vcpu);
}
