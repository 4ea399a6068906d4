/* Broken model: no enum cpuid_leafs (words are plain macros), so words have no names: no finding, no crash. */
typedef unsigned int u32;

#define WORD_1_ECX	4
#define WORD_7_0_EBX	9
#define WORD_7_ECX	16

#define X86_FEATURE_XMM3	( 4*32+ 0)
#define X86_FEATURE_SMEP	( 9*32+ 7)
#define X86_FEATURE_UMIP	(16*32+ 2)

struct cpuid_reg {
	u32 function;
	u32 index;
	int reg;
};

static const struct cpuid_reg reverse_cpuid[] __attribute__((__unused__)) = {
	[WORD_1_ECX]	= { 1, 0, 2 },
	[WORD_7_0_EBX]	= { 7, 0, 1 },
	[WORD_7_ECX]	= { 7, 0, 2 },
};

extern u32 kvm_cpu_caps[32];

static inline __attribute__((__always_inline__)) u32 __feature_bit(int x86_feature)
{
	return 1U << (x86_feature & 31);
}

#define feature_bit(name)	__feature_bit(X86_FEATURE_##name)
#define F feature_bit

static inline __attribute__((__always_inline__)) void kvm_cpu_cap_mask(unsigned int leaf, u32 mask)
{
	kvm_cpu_caps[leaf] &= mask;
}

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(WORD_1_ECX, F(XMM3));
	kvm_cpu_cap_mask(WORD_7_ECX, F(UMIP) | F(SMEP));
}
