/* cpuid-unfiltered, era 2 (6.14+): kvm_cpu_cap_init() builds each word from its declared features, there is no host copy: an overridden word without a list is silent. */
#include "cpuid_era2.h"
#include "caps_copy.h"

void kvm_initialize_cpu_caps(void)
{
	memset(kvm_cpu_caps, 0, sizeof(kvm_cpu_caps));

	kvm_cpu_cap_init(CPUID_1_EDX,
		F(FPU),
		F(VME),
	);
}

int __do_cpuid_func(u32 function)
{
	struct kvm_cpuid_entry2 *entry = do_host_cpuid(function, 0);

	switch (function) {
	case 1:
		cpuid_entry_override(entry, CPUID_1_EDX);
		break;
	case 0xC0000001:
		cpuid_entry_override(entry, CPUID_C000_0001_EDX);
		break;
	}
	return 0;
}
