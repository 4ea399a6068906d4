/* Era 2: ALIASED_1_EDX_F(NX) wraps a feature that is not a 1.EDX feature at all: finding. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_8000_0001_EDX,
		ALIASED_1_EDX_F(PSE),
		F(SYSCALL),
		ALIASED_1_EDX_F(NX), /* { dg-warning "^(?=.*ALIASED_1_EDX_F).*X86_FEATURE_NX is CPUID\.0x80000001:EDX\[20\], word CPUID_8000_0001_EDX.*\[cpuid-leaf\]" } */
		F(RDTSCP),
	);
}
