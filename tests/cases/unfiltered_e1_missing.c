/* cpuid-unfiltered, era 1: caps start as the host's copy; CPUID_C000_0001_EDX is overridden but never filtered (finding); masked-after, listed and KVM-only words are silent. */
#include "cpuid_era1.h"
#include "caps_copy.h"

void kvm_set_cpu_caps(void)
{
	memset(kvm_cpu_caps, 0, sizeof(kvm_cpu_caps));

	memcpy(&kvm_cpu_caps, &boot_cpu_data.x86_capability,
	       sizeof(kvm_cpu_caps) - (NKVMCAPINTS * sizeof(*kvm_cpu_caps)));

	kvm_cpu_cap_mask(CPUID_1_EDX,
		F(FPU) | F(VME) | F(DE) | F(PSE) | F(TSC) | F(MSR)
	);

	kvm_cpu_cap_init_kvm_defined(CPUID_12_EAX,
		SF(SGX1) | SF(SGX2)
	);
}

int __do_cpuid_func(u32 function)
{
	struct kvm_cpuid_entry2 *entry = do_host_cpuid(function, 0);

	switch (function) {
	case 1:
		cpuid_entry_override(entry, CPUID_1_EDX);
		break;
	case 0x12:
		cpuid_entry_override(entry, CPUID_12_EAX);
		break;
	case 0x80000021:
		cpuid_entry_override(entry, CPUID_8000_0021_EAX);
		entry->eax &= BIT(0) | BIT(2) | BIT(6);
		break;
	case 0xC0000001:
		cpuid_entry_override(entry, CPUID_C000_0001_EDX); /* { dg-warning "^cpuid_entry_override\(entry, CPUID_C000_0001_EDX\).*word CPUID_C000_0001_EDX \(CPUID\.0xc0000001:EDX\).*kvm_set_cpu_caps\(\) starts from a copy of the host's x86_capability and no capability list filters CPUID_C000_0001_EDX.*add kvm_cpu_cap_mask\(CPUID_C000_0001_EDX, .*mask entry->edx right after the override \[cpuid-unfiltered\]" } */
		break;
	}
	return 0;
}
