/* disable= knows the checks beyond 6.14's asserts: with all six off, a unit holding one bug of each kind is silent. */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-disable=cpuid-unfiltered,cpuid-synthetic,cpuid-cr4-owned,cpuid-runtime,cpuid-x86-64,cpuid-scattered" } */
#define X86_FEATURE_CLEAR_BHB_LOOP	(18*32+ 3)
#include "cpuid_era1.h"
#include "caps_copy.h"
#include "cr4_allowed.h"
#include "cr4_rsvd_kvm.h"

#define CR4_RESERVED_BITS	(~(unsigned long)(CR4_ALLOWED_6_1))
#define KVM_POSSIBLE_CR4_GUEST_BITS	(X86_CR4_PVI | X86_CR4_FSGSBASE)

void kvm_set_cpu_caps(void)
{
	memcpy(&kvm_cpu_caps, &boot_cpu_data.x86_capability,
	       sizeof(kvm_cpu_caps) - (NKVMCAPINTS * sizeof(*kvm_cpu_caps)));

	kvm_cpu_cap_mask(CPUID_8000_0001_EDX, F(NX) | F(LM));
	kvm_cpu_cap_init_kvm_defined(CPUID_7_1_EDX, SF(PREFETCHITI));
}

int __do_cpuid_func(struct kvm_vcpu *vcpu, u32 function)
{
	struct kvm_cpuid_entry2 *entry = do_host_cpuid(function, 0);

	vcpu->arch.cr4_guest_owned_bits = KVM_POSSIBLE_CR4_GUEST_BITS;
	if (guest_can_use(vcpu, X86_FEATURE_OSXSAVE))
		return 1;
	cpuid_entry_override(entry, CPUID_C000_0001_EDX);
	return 0;
}
