/* cpuid-cr4: a suppression file acknowledging CR4.VME and CR4.DE silences both missing gates; the count is printed in one line. */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-suppress=tests/cases/suppress/cr4-always-allowed.supp" } */
/* { dg-stderr "^cpuidcheck: note: 2 findings suppressed by tests/cases/suppress/cr4-always-allowed\.supp$" } */
#include "cr4.h"

#define CR4_RESERVED_BITS						\
	(~(unsigned long)(X86_CR4_VME | X86_CR4_DE | X86_CR4_PCE	\
			  | X86_CR4_OSXSAVE | X86_CR4_SMEP		\
			  | X86_CR4_PKE | X86_CR4_CET))

#define __cr4_reserved_bits(__cpu_has, __c)             \
({                                                      \
	u64 __reserved_bits = CR4_RESERVED_BITS;        \
                                                        \
	if (!__cpu_has(__c, X86_FEATURE_XSAVE))         \
		__reserved_bits |= X86_CR4_OSXSAVE;     \
	if (!__cpu_has(__c, X86_FEATURE_SMEP))          \
		__reserved_bits |= X86_CR4_SMEP;        \
	if (!__cpu_has(__c, X86_FEATURE_PKU))           \
		__reserved_bits |= X86_CR4_PKE;         \
	if (!__cpu_has(__c, X86_FEATURE_SHSTK) &&       \
	    !__cpu_has(__c, X86_FEATURE_IBT))           \
		__reserved_bits |= X86_CR4_CET;         \
	__reserved_bits;                                \
})

static u64 cr4_reserved_bits;

void kvm_vcpu_after_set_cpuid(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_rsvd_bits =
	    __cr4_reserved_bits(guest_cpuid_has, vcpu);
}

void kvm_vcpu_reset_cr4(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_rsvd_bits = __cr4_reserved_bits(guest_cpuid_has, vcpu);
}

int kvm_arch_hardware_setup(void)
{
	cr4_reserved_bits = __cr4_reserved_bits(__kvm_cpu_cap_has, UNUSED_);
	return cr4_reserved_bits != 0;
}
