/* cpuid-alias: the 0x1E.1.EAX AMX aliases queried are findings naming X86_FEATURE_AMX_INT8/BF16/COMPLEX/FP16 and their leaf-7 places; the originals are silent. */
#include "cpuid_era2.h"
#include "kvm_query.h"

u32 amx(struct kvm_vcpu *vcpu)
{
	u32 n = 0;

	n += guest_cpu_cap_has(vcpu, X86_FEATURE_AMX_INT8_ALIAS); /* { dg-warning "^(?=.*X86_FEATURE_AMX_INT8_ALIAS)(?=.*X86_FEATURE_AMX_INT8\b)(?=.*CPUID\.\(EAX=7,ECX=0\):EDX\[25\]).*\[cpuid-alias\]" } */
	n += kvm_cpu_cap_has(X86_FEATURE_AMX_BF16_ALIAS); /* { dg-warning "^(?=.*X86_FEATURE_AMX_BF16_ALIAS)(?=.*X86_FEATURE_AMX_BF16\b)(?=.*CPUID\.\(EAX=7,ECX=0\):EDX\[22\]).*\[cpuid-alias\]" } */
	n += guest_cpu_cap_has(vcpu, X86_FEATURE_AMX_COMPLEX_ALIAS); /* { dg-warning "^(?=.*X86_FEATURE_AMX_COMPLEX_ALIAS)(?=.*X86_FEATURE_AMX_COMPLEX\b)(?=.*CPUID\.\(EAX=7,ECX=1\):EDX\[8\]).*\[cpuid-alias\]" } */
	n += kvm_cpu_cap_get(X86_FEATURE_AMX_FP16_ALIAS); /* { dg-warning "^(?=.*X86_FEATURE_AMX_FP16_ALIAS)(?=.*X86_FEATURE_AMX_FP16\b)(?=.*CPUID\.\(EAX=7,ECX=1\):EAX\[21\]).*\[cpuid-alias\]" } */

	n += guest_cpu_cap_has(vcpu, X86_FEATURE_AMX_INT8);
	n += kvm_cpu_cap_has(X86_FEATURE_AMX_BF16);
	n += guest_cpu_cap_has(vcpu, X86_FEATURE_AMX_COMPLEX);
	n += kvm_cpu_cap_get(X86_FEATURE_AMX_FP16);
	return n;
}
