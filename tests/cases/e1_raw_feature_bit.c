/* Era 1: raw __feature_bit(KVM_X86_FEATURE_PSFD) (6.1 shape, defined in the unit) is checked: right in 0x80000008.EBX, wrong in 7.EDX. */
#include "cpuid_era1.h"

#define KVM_X86_FEATURE_PSFD		(13*32+28) /* Predictive Store Forwarding Disable */

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_8000_0008_EBX,
		F(CLZERO) | F(AMD_IBPB) |
		__feature_bit(KVM_X86_FEATURE_PSFD)
	);

	kvm_cpu_cap_mask(CPUID_7_EDX,
		F(SPEC_CTRL) |
		__feature_bit(KVM_X86_FEATURE_PSFD) /* { dg-warning "X86_FEATURE_PSFD is CPUID\.0x80000008:EBX\[28\], word CPUID_8000_0008_EBX.*CPUID_7_EDX.*\[cpuid-leaf\]" } */
	);
}
