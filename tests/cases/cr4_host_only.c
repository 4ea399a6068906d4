/* cpuid-cr4: the reserved-bits macro expanded only with host capabilities (__kvm_cpu_cap_has, cpu_has) is not analysed: silent despite the missing VME/DE gates. */
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

int kvm_cpu_accept_dm_intr(struct cpuinfo_x86 *c)
{
	if (__cr4_reserved_bits(cpu_has, c) !=
	    __cr4_reserved_bits(cpu_has, &boot_cpu_data))
		return -1;
	return 0;
}

int kvm_arch_hardware_setup(void)
{
	cr4_reserved_bits = __cr4_reserved_bits(__kvm_cpu_cap_has, UNUSED_);
	return cr4_reserved_bits != 0;
}
