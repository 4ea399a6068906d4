/* cpuid-cr4: the reserved-bits macro defined in a header and expanded with guest_cpuid_has() in this unit: the missing VME and DE gates are reported at the header's #define (line 14). */
/* { dg-stderr "cr4_rsvd_legacy\.h:14:[0-9:]* warning: (?=.*CR4\.VME\b)(?=.*X86_FEATURE_VME\b).*\[cpuid-cr4\]" } */
/* { dg-stderr "cr4_rsvd_legacy\.h:14:[0-9:]* warning: (?=.*CR4\.DE\b)(?=.*X86_FEATURE_DE\b).*\[cpuid-cr4\]" } */
#include "cr4_rsvd_legacy.h"

void kvm_vcpu_after_set_cpuid(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_rsvd_bits = __cr4_reserved_bits(guest_cpuid_has, vcpu);
}
