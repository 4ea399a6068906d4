/* cpuid-unfiltered, era 1 without the host copy (caps start at zero): an unlisted word is empty, not unfiltered: silent. */
#include "cpuid_era1.h"
#include "caps_copy.h"

void kvm_set_cpu_caps(void)
{
	memset(kvm_cpu_caps, 0, sizeof(kvm_cpu_caps));

	kvm_cpu_cap_mask(CPUID_1_EDX, F(FPU) | F(VME));
}

int __do_cpuid_func(u32 function)
{
	struct kvm_cpuid_entry2 *entry = do_host_cpuid(function, 0);

	if (function == 0xC0000001)
		cpuid_entry_override(entry, CPUID_C000_0001_EDX);
	cpuid_entry_override(entry, CPUID_1_EDX);
	return 0;
}
