/* Era 1: masks made only of 0 placeholders (with reserved comments) are silent. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_8000_000A_EDX, 0);

	kvm_cpu_cap_mask(CPUID_6_EAX,
		0 /* reserved */ | 0 /* ARAT is handled elsewhere */
	);

	kvm_cpu_cap_init_kvm_defined(CPUID_8000_0022_EAX,
		0 /* PERFMON_V2 is set later */
	);
}
