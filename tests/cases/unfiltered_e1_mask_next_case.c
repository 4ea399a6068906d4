/* cpuid-unfiltered, era 1: a mask under the next case label filters another function's registers, not the override's: CPUID_7_ECX is unfiltered. */
#include "cpuid_era1.h"
#include "caps_copy.h"

void kvm_set_cpu_caps(void)
{
	memcpy(&kvm_cpu_caps, &boot_cpu_data.x86_capability,
	       sizeof(kvm_cpu_caps) - (NKVMCAPINTS * sizeof(*kvm_cpu_caps)));

	kvm_cpu_cap_mask(CPUID_7_0_EBX, F(FSGSBASE) | F(SMEP));
}

int __do_cpuid_func(u32 function)
{
	struct kvm_cpuid_entry2 *entry = do_host_cpuid(function, 0);

	switch (function) {
	case 7:
		cpuid_entry_override(entry, CPUID_7_0_EBX);
		cpuid_entry_override(entry, CPUID_7_ECX); /* { dg-warning "CPUID_7_ECX \(CPUID\.\(EAX=7,ECX=0\):ECX\).*mask entry->ecx right after the override \[cpuid-unfiltered\]" } */
		entry->ebx &= BIT(0);
		break;
	case 0xd:
		entry->ecx &= BIT(0);
		break;
	}
	return 0;
}
