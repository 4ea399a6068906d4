/* Era 1: raw BIT(n) masks carry no feature name, so there is nothing to check, even where the bits look wrong. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_8000_0021_EAX,
		BIT(0) /* NO_NESTED_DATA_BP */ |
		BIT(2) /* LFENCE Always serializing */ | 0 /* SmmPgCfgLock */ |
		BIT(6) /* NULL_SEL_CLR_BASE */ | 0 /* PrefetchCtlMsr */
	);
	kvm_cpu_caps[CPUID_8000_0021_EAX] |= BIT(9) /* NO_SMM_CTL_MSR */;

	kvm_cpu_cap_mask(CPUID_7_ECX,
		BIT(7) /* looks like SMEP's bit, but it is only a number */
	);
}
