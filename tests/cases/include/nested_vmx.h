/*
 * Mini nested-VMX state for cpuidcheck unit cases (written for the tests,
 * kernel-shaped): a struct vcpu_vmx with the nested.msrs.cr4_fixed1 path
 * that nested_vmx_cr_fixed1_bits_update() fills, and to_vmx().
 */
#ifndef MINI_NESTED_VMX_H
#define MINI_NESTED_VMX_H

#include "cr4.h"

struct nested_vmx_msrs {
	u64 cr0_fixed0;
	u64 cr0_fixed1;
	u64 cr4_fixed0;
	u64 cr4_fixed1;
};

struct nested_vmx {
	bool vmxon;
	struct nested_vmx_msrs msrs;
};

struct vcpu_vmx {
	struct kvm_vcpu vcpu;
	struct nested_vmx nested;
};

static inline struct vcpu_vmx *to_vmx(struct kvm_vcpu *vcpu)
{
	return (struct vcpu_vmx *)vcpu;
}

#endif
