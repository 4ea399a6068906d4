/* Era 2: SYNTHESIZED_F(LFENCE_RDTSC) and translated SYNTHESIZED_F(TSA_SQ_NO) right; SYNTHESIZED_F(TSA_L1_NO) in CPUID_8000_0021_EAX wrong. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_8000_0021_EAX,
		F(NO_NESTED_DATA_BP),
		SYNTHESIZED_F(LFENCE_RDTSC),
		SYNTHESIZED_F(TSA_L1_NO), /* { dg-warning "X86_FEATURE_TSA_L1_NO is CPUID\.0x80000021:ECX\[2\], word CPUID_8000_0021_ECX.*CPUID_8000_0021_EAX.*\[cpuid-leaf\]" } */
	);

	kvm_cpu_cap_init(CPUID_8000_0021_ECX,
		SYNTHESIZED_F(TSA_SQ_NO),
	);
}
