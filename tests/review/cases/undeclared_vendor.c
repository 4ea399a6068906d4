/* Era 2: features a vendor module sets, queried, never supported, cleared. */
#include "cpuid_era2.h"
#include "kvm_query.h"

bool nested, gmet_enabled, sev_snp_enabled;

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_8000_0001_ECX,
		F(LAHF_LM),
		F(ABM),
		F(SSE4A),
		/* SKINIT */
	);
	kvm_cpu_cap_init(CPUID_8000_0008_EBX,
		F(CLZERO),
		VENDOR_F(AMD_IBPB),
	);
	/* every SVM feature needs the vendor module */
	kvm_cpu_cap_init(CPUID_8000_000A_EDX,
		VENDOR_F(NPT),
		VENDOR_F(NRIPS),
		VENDOR_F(VMCBCLEAN),
		VENDOR_F(VGIF),
	);
	kvm_cpu_cap_init(CPUID_8000_001F_EAX,
		VENDOR_F(SME),
		VENDOR_F(SEV),
		VENDOR_F(SEV_ES),
	);
}

static void sev_set_cpu_caps(void)
{
	kvm_cpu_cap_set(X86_FEATURE_SEV);
	kvm_cpu_cap_set(X86_FEATURE_SEV_ES);
	if (sev_snp_enabled)
		kvm_cpu_cap_set(X86_FEATURE_SEV_SNP); /* expect: VENDOR_F after SEV_ES */
}

void svm_set_cpu_caps(void)
{
	kvm_initialize_cpu_caps();
	if (nested) {
		kvm_cpu_cap_set(X86_FEATURE_NPT);
		kvm_cpu_cap_set(X86_FEATURE_VGIF);
		if (gmet_enabled)
			kvm_cpu_cap_set(X86_FEATURE_GMET); /* expect: VENDOR_F after VGIF */
	}
	/* never supported: clearing it is no support */
	kvm_cpu_cap_clear(X86_FEATURE_SKINIT);
	sev_set_cpu_caps();
}

/* siblings of two wrappers: no convention to name */
void mixed_set_caps(void)
{
	kvm_cpu_cap_set(X86_FEATURE_CLZERO);
	kvm_cpu_cap_set(X86_FEATURE_AMD_IBPB);
	kvm_cpu_cap_set(X86_FEATURE_RDPRU); /* expect: no wrapper named */
}

#define __sanitize(vcpu, ctl, fname, bit)				\
do {									\
	if (!guest_cpu_cap_has(vcpu, X86_FEATURE_##fname))		\
		*(ctl) &= ~(1u << (bit));				\
} while (0)

/* queries: SKINIT never supported (always false, on purpose), GMET set */
void nested_copy_controls(struct kvm_vcpu *vcpu, u32 *ctl)
{
	__sanitize(vcpu, ctl, NRIPS, 0);
	__sanitize(vcpu, ctl, SKINIT, 1);
	if (!gmet_enabled || !guest_cpu_cap_has(vcpu, X86_FEATURE_GMET))
		*ctl &= ~4u;
}
