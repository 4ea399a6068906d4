/*
 * Mini "function era" (6.1 .. 6.13) capability setup for cpuidcheck unit
 * cases, written for the tests: F, SF, kvm_cpu_cap_mask() and
 * kvm_cpu_cap_init_kvm_defined().  Each case writes its own
 * kvm_set_cpu_caps().
 *
 * Define MINI_F_FUNCTION_LIKE before including it for the function-like
 * `#define F(name) feature_bit(name)` instead of 6.12's `#define F feature_bit`.
 */
#ifndef MINI_CPUID_ERA1_H
#define MINI_CPUID_ERA1_H

#include "reverse_cpuid.h"

extern u32 kvm_cpu_caps[NR_KVM_CPU_CAPS];
extern u32 mini_raw_cpuid(u32 function, u32 index, int reg);

#ifdef MINI_F_FUNCTION_LIKE
#define F(name)		feature_bit(name)
#else
#define F feature_bit
#endif

/* Scattered Flag: for features that cpufeatures.h scatters. */
#define SF(name)						\
({								\
	BUILD_BUG_ON(X86_FEATURE_##name >= MAX_CPU_FEATURES);	\
	(boot_cpu_has(X86_FEATURE_##name) ? F(name) : 0);	\
})

static __always_inline void __kvm_cpu_cap_mask(unsigned int leaf)
{
	const struct cpuid_reg cpuid = reverse_cpuid[leaf];

	reverse_cpuid_check(leaf);
	kvm_cpu_caps[leaf] &= mini_raw_cpuid(cpuid.function, cpuid.index,
					     cpuid.reg);
}

static __always_inline
void kvm_cpu_cap_init_kvm_defined(enum kvm_only_cpuid_leafs leaf, u32 mask)
{
	BUILD_BUG_ON(leaf < NCAPINTS);

	kvm_cpu_caps[leaf] = mask;

	__kvm_cpu_cap_mask(leaf);
}

static __always_inline void kvm_cpu_cap_mask(enum cpuid_leafs leaf, u32 mask)
{
	BUILD_BUG_ON(leaf >= NCAPINTS);

	kvm_cpu_caps[leaf] &= mask;

	__kvm_cpu_cap_mask(leaf);
}

#endif
