/* cpuid-unfiltered, era 1: every overridden kernel word is filtered: by a list, by assigning or ANDing kvm_cpu_caps[], or by a mask right after the override; an OR after it is not a filter, but its word is listed: silent. */
#include "cpuid_era1.h"
#include "caps_copy.h"

void kvm_set_cpu_caps(void)
{
	memcpy(&kvm_cpu_caps, &boot_cpu_data.x86_capability,
	       sizeof(kvm_cpu_caps) - (NKVMCAPINTS * sizeof(*kvm_cpu_caps)));

	kvm_cpu_cap_mask(CPUID_1_EDX, F(FPU) | F(VME));
	kvm_cpu_cap_mask(CPUID_8000_000A_EDX, 0);
	kvm_cpu_caps[CPUID_8000_0021_EAX] &= BIT(0) | BIT(2);
	kvm_cpu_caps[CPUID_C000_0001_EDX] = 0;
	kvm_cpu_caps[CPUID_1_EDX] |= BIT(1);
}

int __do_cpuid_func(u32 function)
{
	struct kvm_cpuid_entry2 *entry = do_host_cpuid(function, 0);

	switch (function) {
	case 1:
		cpuid_entry_override(entry, CPUID_1_EDX);
		entry->edx |= BIT(9);
		break;
	case 7:
		cpuid_entry_override(entry, CPUID_7_0_EBX);
		entry->ebx = 0;
		break;
	case 0x8000000A:
		cpuid_entry_override(entry, CPUID_8000_000A_EDX);
		break;
	case 0x80000021:
		cpuid_entry_override(entry, CPUID_8000_0021_EAX);
		break;
	case 0xC0000001:
		cpuid_entry_override(entry, CPUID_C000_0001_EDX);
		break;
	case 0x80000001:
		cpuid_entry_override(entry, CPUID_8000_0001_ECX);
		entry->ecx &= ~BIT(2);
		break;
	}
	return 0;
}
