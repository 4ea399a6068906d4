/* cpuid-cr4: every bit CR4_RESERVED_BITS allows is gated by its feature (legacy bits included, PVI by VME, CET by SHSTK||IBT, PCE ungated by design): silent. */
#include "cr4_allowed.h"
#include "cr4_rsvd_gated.h"

#define CR4_RESERVED_BITS	(~(unsigned long)(CR4_ALLOWED_7_2))

void kvm_vcpu_after_set_cpuid(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_rsvd_bits = __cr4_reserved_bits(__kvm_cpu_cap_has, UNUSED_) |
					 __cr4_reserved_bits(guest_cpu_cap_has, vcpu);
}
