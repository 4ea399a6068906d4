/* cpuid-synthetic, era 2: SRSO (a kernel-set flag) defined in word 20 (CPUID.0x80000021:EAX) is a finding; LFENCE_RDTSC, which the newest kernel keeps at its architectural bit there, is silent. */
#define X86_FEATURE_SRSO		(20*32+ 4) /* { dg-warning "^X86_FEATURE_SRSO is a flag the kernel sets itself .*word CPUID_8000_0021_EAX, which KVM maps to CPUID\.0x80000021:EAX, so it is CPUID\.0x80000021:EAX\[4\].*\[cpuid-synthetic\]" } */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_8000_0021_EAX,
		F(NO_NESTED_DATA_BP),
		SYNTHESIZED_F(LFENCE_RDTSC),
	);
}
