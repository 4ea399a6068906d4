/*
 * Mini x86.c users of the reserved-bits macro for cpuidcheck unit cases
 * (written for the tests, 6.1-shaped): two guest expansions (after
 * KVM_SET_CPUID, at CR4 reset) and the host one (hardware setup).
 *
 * Include it after __cr4_reserved_bits is defined (by the case or by a header
 * such as cr4_rsvd_legacy.h).  Findings about the macro belong to its
 * #define, never to these expansions, so they are reported once whatever the
 * number of expansions.
 */
#ifndef MINI_CR4_RSVD_USERS_H
#define MINI_CR4_RSVD_USERS_H

#include "cr4.h"

static u64 cr4_reserved_bits;

void kvm_vcpu_after_set_cpuid(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_rsvd_bits =
	    __cr4_reserved_bits(guest_cpuid_has, vcpu);
}

void kvm_vcpu_reset_cr4(struct kvm_vcpu *vcpu)
{
	vcpu->arch.cr4_guest_rsvd_bits = __cr4_reserved_bits(guest_cpuid_has, vcpu);
}

int kvm_arch_hardware_setup(void)
{
	cr4_reserved_bits = __cr4_reserved_bits(__kvm_cpu_cap_has, UNUSED_);
	return cr4_reserved_bits != 0;
}

#endif
