/* Era 2: empty kvm_cpu_cap_init() lists (no initializers, or only comments) are silent. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_8000_000A_EDX,
	);

	kvm_cpu_cap_init(CPUID_6_EAX,
		/* ARAT */
		/* Reserved */
	);

	kvm_cpu_cap_init(CPUID_8000_0022_EAX);
}
