/* Raw masks with plain constants (BIT(3), 0x10) on a 7.0 entry are not judged by cpuid-leaf: silent. */
#include "kvm_query.h"

u32 const_masks(struct kvm_vcpu *vcpu)
{
	struct kvm_cpuid_entry2 *entry;
	u32 bits = 0;

	entry = kvm_find_cpuid_entry_index(vcpu, 7, 0);
	if (!entry)
		return 0;
	if (entry->ebx & BIT(3))
		bits |= 1;
	if (entry->ecx & 0x10)
		bits |= 2;
	entry->edx &= ~BIT(20);
	return bits;
}
