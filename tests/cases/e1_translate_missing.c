/* Era 1: SF(SGX_EDECCSSA) is scattered (word 11) but __feature_translate() has no case for it: no finding, no guess. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_init_kvm_defined(CPUID_12_EAX,
		SF(SGX1) | SF(SGX2) | SF(SGX_EDECCSSA)
	);
}
