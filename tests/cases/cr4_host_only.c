/* cpuid-cr4: the reserved-bits macro expanded only with host capabilities (__kvm_cpu_cap_has, cpu_has) is not analysed: silent despite the VME/DE gates cr4_rsvd_legacy.h lacks. */
#include "cr4_rsvd_legacy.h"

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
