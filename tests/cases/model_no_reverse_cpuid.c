/* Broken model: words and features but no reverse_cpuid[] (so no CPUID places): no finding, no crash. */
#include "cpufeatures.h"

extern u32 kvm_cpu_caps[NCAPINTS];

static __always_inline u32 __feature_bit(int x86_feature)
{
	return 1U << (x86_feature & 31);
}

#define feature_bit(name)	__feature_bit(X86_FEATURE_##name)
#define F feature_bit

static __always_inline void kvm_cpu_cap_mask(enum cpuid_leafs leaf, u32 mask)
{
	kvm_cpu_caps[leaf] &= mask;
}

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_7_0_EBX, F(FSGSBASE) | F(SMEP));
	kvm_cpu_cap_mask(CPUID_7_ECX, F(UMIP) | F(SMEP));
}
