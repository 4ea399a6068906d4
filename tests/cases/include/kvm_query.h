/*
 * Mini KVM vCPU, CPUID entry and query/advertising APIs for cpuidcheck unit
 * cases (written for the tests, kernel-shaped, not kernel code): struct
 * kvm_cpuid_entry2, kvm_find_cpuid_entry[_index]() (5.10's three-argument
 * kvm_find_cpuid_entry() with MINI_LOOKUP_5_10), cpuid_eax..edx(), and
 * the query helpers of all eras (guest_cpuid_has, guest_cpu_cap_has,
 * guest_can_use, kvm_cpu_cap_has/get, cpuid_entry_has/get,
 * kvm_governed_feature_check_and_set) next to the advertising ones
 * (kvm_cpu_cap_set/clear, cpuid_entry_set, guest_cpu_cap_set/clear).
 *
 * The helpers keep their masks on arrays (vcpu->arch.cpu_caps[],
 * kvm_cpu_caps[]) or behind a register pointer, never as "entry->REG &
 * __feature_bit(...)", so the raw-mask check has nothing to say about them.
 */
#ifndef MINI_KVM_QUERY_H
#define MINI_KVM_QUERY_H

#include "reverse_cpuid.h"

extern u32 kvm_cpu_caps[NR_KVM_CPU_CAPS];

struct kvm_cpuid_entry2 {
	u32 function;
	u32 index;
	u32 flags;
	u32 eax;
	u32 ebx;
	u32 ecx;
	u32 edx;
	u32 padding[3];
};

struct kvm_vcpu_arch {
	int cpuid_nent;
	struct kvm_cpuid_entry2 *cpuid_entries;
	u32 cpu_caps[NR_KVM_CPU_CAPS];
	u32 governed_features;
	unsigned long cr4_guest_rsvd_bits;
	unsigned long cr4_guest_owned_bits;
};

struct kvm_vcpu {
	int vcpu_id;
	struct kvm_vcpu_arch arch;
};

#ifdef MINI_LOOKUP_5_10
/* 5.10: one lookup, always with an index */
extern struct kvm_cpuid_entry2 *kvm_find_cpuid_entry(struct kvm_vcpu *vcpu,
						      u32 function, u32 index);
#else
extern struct kvm_cpuid_entry2 *kvm_find_cpuid_entry(struct kvm_vcpu *vcpu,
						      u32 function);
extern struct kvm_cpuid_entry2 *kvm_find_cpuid_entry_index(struct kvm_vcpu *vcpu,
							    u32 function,
							    u32 index);
#endif

extern void mini_native_cpuid(unsigned int *eax, unsigned int *ebx,
			      unsigned int *ecx, unsigned int *edx);

static inline u32 cpuid_eax(unsigned int op)
{
	unsigned int eax = op, ebx, ecx = 0, edx;

	mini_native_cpuid(&eax, &ebx, &ecx, &edx);
	return eax;
}

static inline u32 cpuid_ebx(unsigned int op)
{
	unsigned int eax = op, ebx, ecx = 0, edx;

	mini_native_cpuid(&eax, &ebx, &ecx, &edx);
	return ebx;
}

static inline u32 cpuid_ecx(unsigned int op)
{
	unsigned int eax = op, ebx, ecx = 0, edx;

	mini_native_cpuid(&eax, &ebx, &ecx, &edx);
	return ecx;
}

static inline u32 cpuid_edx(unsigned int op)
{
	unsigned int eax = op, ebx, ecx = 0, edx;

	mini_native_cpuid(&eax, &ebx, &ecx, &edx);
	return edx;
}

static __always_inline u32 *__cpuid_entry_get_reg(struct kvm_cpuid_entry2 *entry,
						  int reg)
{
	switch (reg) {
	case CPUID_EAX:
		return &entry->eax;
	case CPUID_EBX:
		return &entry->ebx;
	case CPUID_ECX:
		return &entry->ecx;
	default:
		return &entry->edx;
	}
}

static __always_inline u32 *cpuid_entry_get_reg(struct kvm_cpuid_entry2 *entry,
						unsigned int x86_feature)
{
	const struct cpuid_reg cpuid =
		reverse_cpuid[__feature_leaf(x86_feature)];

	return __cpuid_entry_get_reg(entry, cpuid.reg);
}

/* ---- queries ---- */

static __always_inline u32 cpuid_entry_get(struct kvm_cpuid_entry2 *entry,
					   unsigned int x86_feature)
{
	u32 *reg = cpuid_entry_get_reg(entry, x86_feature);

	return *reg & __feature_bit(x86_feature);
}

static __always_inline bool cpuid_entry_has(struct kvm_cpuid_entry2 *entry,
					    unsigned int x86_feature)
{
	return cpuid_entry_get(entry, x86_feature);
}

static __always_inline u32 kvm_cpu_cap_get(unsigned int x86_feature)
{
	unsigned int x86_leaf = __feature_leaf(x86_feature);

	return kvm_cpu_caps[x86_leaf] & __feature_bit(x86_feature);
}

static __always_inline bool kvm_cpu_cap_has(unsigned int x86_feature)
{
	return !!kvm_cpu_cap_get(x86_feature);
}

/* 6.1/6.12: the guest's CPUID entries are the answer. */
static __always_inline bool guest_cpuid_has(struct kvm_vcpu *vcpu,
					    unsigned int x86_feature)
{
	const struct cpuid_reg cpuid =
		reverse_cpuid[__feature_leaf(x86_feature)];
	struct kvm_cpuid_entry2 *found;
	u32 *reg;

#ifdef MINI_LOOKUP_5_10
	found = kvm_find_cpuid_entry(vcpu, cpuid.function, cpuid.index);
#else
	found = kvm_find_cpuid_entry_index(vcpu, cpuid.function, cpuid.index);
#endif
	if (!found)
		return false;
	reg = __cpuid_entry_get_reg(found, cpuid.reg);
	return *reg & __feature_bit(x86_feature);
}

/* 6.14+: the vCPU's capability words. */
static __always_inline bool guest_cpu_cap_has(struct kvm_vcpu *vcpu,
					      unsigned int x86_feature)
{
	unsigned int x86_leaf = __feature_leaf(x86_feature);

	return vcpu->arch.cpu_caps[x86_leaf] & __feature_bit(x86_feature);
}

/* 6.6..6.13: governed features, a bitmap of a few features. */
static __always_inline bool guest_can_use(struct kvm_vcpu *vcpu,
					  unsigned int x86_feature)
{
	return guest_cpu_cap_has(vcpu, x86_feature) &&
	       (vcpu->arch.governed_features & 1);
}

static __always_inline void kvm_governed_feature_check_and_set(struct kvm_vcpu *vcpu,
							       unsigned int x86_feature)
{
	if (kvm_cpu_cap_has(x86_feature) && guest_cpu_cap_has(vcpu, x86_feature))
		vcpu->arch.governed_features |= 1;
}

/* ---- advertising ---- */

static __always_inline void kvm_cpu_cap_set(unsigned int x86_feature)
{
	unsigned int x86_leaf = __feature_leaf(x86_feature);

	kvm_cpu_caps[x86_leaf] |= __feature_bit(x86_feature);
}

static __always_inline void kvm_cpu_cap_clear(unsigned int x86_feature)
{
	unsigned int x86_leaf = __feature_leaf(x86_feature);

	kvm_cpu_caps[x86_leaf] &= ~__feature_bit(x86_feature);
}

static __always_inline void cpuid_entry_set(struct kvm_cpuid_entry2 *entry,
					    unsigned int x86_feature)
{
	u32 *reg = cpuid_entry_get_reg(entry, x86_feature);

	*reg |= __feature_bit(x86_feature);
}

static __always_inline void guest_cpu_cap_set(struct kvm_vcpu *vcpu,
					      unsigned int x86_feature)
{
	unsigned int x86_leaf = __feature_leaf(x86_feature);

	vcpu->arch.cpu_caps[x86_leaf] |= __feature_bit(x86_feature);
}

static __always_inline void guest_cpu_cap_clear(struct kvm_vcpu *vcpu,
						unsigned int x86_feature)
{
	unsigned int x86_leaf = __feature_leaf(x86_feature);

	vcpu->arch.cpu_caps[x86_leaf] &= ~__feature_bit(x86_feature);
}

#endif
