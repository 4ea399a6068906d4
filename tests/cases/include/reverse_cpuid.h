/*
 * Mini reverse_cpuid.h for cpuidcheck unit cases (written for the tests):
 * KVM-only words, reverse_cpuid[], __feature_translate() and feature_bit().
 *
 * Define MINI_TRANSLATE_IF_CHAIN before including it to get the older
 * if/else-if shape of __feature_translate() instead of the switch, and
 * MINI_REVERSE_CPUID_OMIT_7_ECX for a reverse_cpuid[] without CPUID_7_ECX.
 *
 * X86_FEATURE_SGX_EDECCSSA is deliberately scattered (word 11) with a
 * KVM_X86_FEATURE_SGX_EDECCSSA but NO translation: the "translation missing"
 * case relies on it.
 */
#ifndef MINI_REVERSE_CPUID_H
#define MINI_REVERSE_CPUID_H

#include "cpufeatures.h"

enum cpuid_regs_idx {
	CPUID_EAX = 0,
	CPUID_EBX,
	CPUID_ECX,
	CPUID_EDX,
};

enum kvm_only_cpuid_leafs {
	CPUID_12_EAX	 = NCAPINTS,
	CPUID_7_1_EDX,
	CPUID_8000_0007_EDX,
	CPUID_8000_0022_EAX,
	CPUID_7_2_EDX,
	CPUID_24_0_EBX,
	CPUID_8000_0021_ECX,
	CPUID_7_1_ECX,
	CPUID_1E_1_EAX,
	NR_KVM_CPU_CAPS,

	NKVMCAPINTS = NR_KVM_CPU_CAPS - NCAPINTS,
};

#define KVM_X86_FEATURE(w, f)		((w)*32 + (f))

/* CPUID.0x12:EAX, scattered by the kernel into word 11 */
#define KVM_X86_FEATURE_SGX1		KVM_X86_FEATURE(CPUID_12_EAX, 0)
#define KVM_X86_FEATURE_SGX2		KVM_X86_FEATURE(CPUID_12_EAX, 1)
#define KVM_X86_FEATURE_SGX_EDECCSSA	KVM_X86_FEATURE(CPUID_12_EAX, 11)

/* CPUID.(EAX=7,ECX=1):EDX, KVM-only */
#define X86_FEATURE_AVX_VNNI_INT8	KVM_X86_FEATURE(CPUID_7_1_EDX, 4)
#define X86_FEATURE_AMX_COMPLEX		KVM_X86_FEATURE(CPUID_7_1_EDX, 8)
#define X86_FEATURE_PREFETCHITI		KVM_X86_FEATURE(CPUID_7_1_EDX, 14)

/* CPUID.(EAX=7,ECX=2):EDX */
#define X86_FEATURE_INTEL_PSFD		KVM_X86_FEATURE(CPUID_7_2_EDX, 0)
#define X86_FEATURE_IPRED_CTRL		KVM_X86_FEATURE(CPUID_7_2_EDX, 1)
#define KVM_X86_FEATURE_RRSBA_CTRL	KVM_X86_FEATURE(CPUID_7_2_EDX, 2)
#define KVM_X86_FEATURE_BHI_CTRL	KVM_X86_FEATURE(CPUID_7_2_EDX, 4)

/* CPUID.0x80000007:EDX */
#define KVM_X86_FEATURE_CONSTANT_TSC	KVM_X86_FEATURE(CPUID_8000_0007_EDX, 8)

/* CPUID.0x80000022:EAX */
#define KVM_X86_FEATURE_PERFMON_V2	KVM_X86_FEATURE(CPUID_8000_0022_EAX, 0)

/* CPUID.0x80000021:ECX */
#define KVM_X86_FEATURE_TSA_SQ_NO	KVM_X86_FEATURE(CPUID_8000_0021_ECX, 1)
#define KVM_X86_FEATURE_TSA_L1_NO	KVM_X86_FEATURE(CPUID_8000_0021_ECX, 2)

/* CPUID.(EAX=0x1e,ECX=1):EAX, aliases of AMX bits in leaf 7 */
#define X86_FEATURE_AMX_INT8_ALIAS	KVM_X86_FEATURE(CPUID_1E_1_EAX, 0)
#define X86_FEATURE_AMX_BF16_ALIAS	KVM_X86_FEATURE(CPUID_1E_1_EAX, 1)
#define X86_FEATURE_AMX_COMPLEX_ALIAS	KVM_X86_FEATURE(CPUID_1E_1_EAX, 2)
#define X86_FEATURE_AMX_FP16_ALIAS	KVM_X86_FEATURE(CPUID_1E_1_EAX, 3)

struct cpuid_reg {
	u32 function;
	u32 index;
	int reg;
};

static const struct cpuid_reg reverse_cpuid[] __maybe_unused = {
	[CPUID_1_EDX]         = {         1, 0, CPUID_EDX},
	[CPUID_8000_0001_EDX] = {0x80000001, 0, CPUID_EDX},
	[CPUID_8086_0001_EDX] = {0x80860001, 0, CPUID_EDX},
	[CPUID_1_ECX]         = {         1, 0, CPUID_ECX},
	[CPUID_C000_0001_EDX] = {0xc0000001, 0, CPUID_EDX},
	[CPUID_8000_0001_ECX] = {0x80000001, 0, CPUID_ECX},
	[CPUID_7_0_EBX]       = {         7, 0, CPUID_EBX},
	[CPUID_D_1_EAX]       = {       0xd, 1, CPUID_EAX},
	[CPUID_8000_0008_EBX] = {0x80000008, 0, CPUID_EBX},
	[CPUID_6_EAX]         = {         6, 0, CPUID_EAX},
	[CPUID_8000_000A_EDX] = {0x8000000a, 0, CPUID_EDX},
#ifndef MINI_REVERSE_CPUID_OMIT_7_ECX
	[CPUID_7_ECX]         = {         7, 0, CPUID_ECX},
#endif
	[CPUID_8000_0007_EBX] = {0x80000007, 0, CPUID_EBX},
	[CPUID_7_EDX]         = {         7, 0, CPUID_EDX},
	[CPUID_7_1_EAX]       = {         7, 1, CPUID_EAX},
	[CPUID_12_EAX]        = {0x00000012, 0, CPUID_EAX},
	[CPUID_8000_001F_EAX] = {0x8000001f, 0, CPUID_EAX},
	[CPUID_7_1_EDX]       = {         7, 1, CPUID_EDX},
	[CPUID_8000_0007_EDX] = {0x80000007, 0, CPUID_EDX},
	[CPUID_8000_0021_EAX] = {0x80000021, 0, CPUID_EAX},
	[CPUID_8000_0022_EAX] = {0x80000022, 0, CPUID_EAX},
	[CPUID_7_2_EDX]       = {         7, 2, CPUID_EDX},
	[CPUID_24_0_EBX]      = {      0x24, 0, CPUID_EBX},
	[CPUID_8000_0021_ECX] = {0x80000021, 0, CPUID_ECX},
	[CPUID_7_1_ECX]       = {         7, 1, CPUID_ECX},
	[CPUID_1E_1_EAX]      = {      0x1e, 1, CPUID_EAX},
};

static __always_inline void reverse_cpuid_check(unsigned int x86_leaf)
{
	BUILD_BUG_ON(NR_CPUID_WORDS != NCAPINTS);
	BUILD_BUG_ON(x86_leaf == CPUID_LNX_1);
	BUILD_BUG_ON(x86_leaf == CPUID_LNX_2);
	BUILD_BUG_ON(x86_leaf == CPUID_LNX_3);
	BUILD_BUG_ON(x86_leaf == CPUID_LNX_4);
	BUILD_BUG_ON(x86_leaf == CPUID_LNX_5);
	BUILD_BUG_ON(x86_leaf >= ARRAY_SIZE(reverse_cpuid));
}

#ifndef MINI_TRANSLATE_IF_CHAIN
static __always_inline u32 __feature_translate(int x86_feature)
{
#define MINI_TRANSLATE(f)	case X86_FEATURE_##f: return KVM_X86_FEATURE_##f

	switch (x86_feature) {
	MINI_TRANSLATE(SGX1);
	MINI_TRANSLATE(SGX2);
	MINI_TRANSLATE(CONSTANT_TSC);
	MINI_TRANSLATE(PERFMON_V2);
	MINI_TRANSLATE(RRSBA_CTRL);
	MINI_TRANSLATE(BHI_CTRL);
	MINI_TRANSLATE(TSA_SQ_NO);
	MINI_TRANSLATE(TSA_L1_NO);
	/* no SGX_EDECCSSA on purpose */
	default:
		return x86_feature;
	}
}
#else
/* The older shape: an if/else-if chain. */
static __always_inline u32 __feature_translate(int x86_feature)
{
	if (x86_feature == X86_FEATURE_SGX1)
		return KVM_X86_FEATURE_SGX1;
	else if (x86_feature == X86_FEATURE_SGX2)
		return KVM_X86_FEATURE_SGX2;
	else if (x86_feature == X86_FEATURE_RRSBA_CTRL)
		return KVM_X86_FEATURE_RRSBA_CTRL;

	return x86_feature;
}
#endif

static __always_inline u32 __feature_leaf(int x86_feature)
{
	return __feature_translate(x86_feature) / 32;
}

static __always_inline u32 __feature_bit(int x86_feature)
{
	x86_feature = __feature_translate(x86_feature);

	reverse_cpuid_check(x86_feature / 32);
	return 1 << (x86_feature & 31);
}

#define feature_bit(name)	__feature_bit(X86_FEATURE_##name)

#endif
