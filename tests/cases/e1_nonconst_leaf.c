/* Era 1: a leaf that is not a compile-time constant cannot be checked and gives no finding. */
#include "cpuid_era1.h"

void mini_mask_some_leaf(enum cpuid_leafs leaf, u32 extra)
{
	kvm_cpu_cap_mask(leaf, F(SMEP) | F(UMIP) | extra);
}

void mini_mask_table(const enum cpuid_leafs *leaves, int n)
{
	int i;

	for (i = 0; i < n; i++)
		kvm_cpu_cap_mask(leaves[i], F(XMM3) | F(FPU));
}
