/* cpuid-synthetic, era 2: SUCCOR one bit off in the 0x80000007.EBX word is a finding; AMD_WORKLOAD_CLASS at its real place in the 0x80000021.EAX word is silent. */
#define X86_FEATURE_SUCCOR		(17*32+ 2) /* { dg-warning "^X86_FEATURE_SUCCOR is CPUID\.0x80000007:EBX\[1\] .*so it is CPUID\.0x80000007:EBX\[2\].*\[cpuid-synthetic\]" } */
#define X86_FEATURE_AMD_WORKLOAD_CLASS	(20*32+22)
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_8000_0021_EAX,
		F(NO_NESTED_DATA_BP),
		F(AMD_WORKLOAD_CLASS),
	);
}
