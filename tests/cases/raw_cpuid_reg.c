/* Raw mask on cpuid_REG(fn): cpuid_edx(1) & feature_bit(VMX) (1.ECX[5]) is a finding; cpuid_ecx(1), cpuid_ecx(0x80000001) & SSE4A, cpuid_edx(0x80000001) & LM are silent. */
#include "kvm_query.h"

bool host_has_vmx_wrong(void)
{
	return cpuid_edx(1) & feature_bit(VMX); /* { dg-warning "X86_FEATURE_VMX is CPUID\.1:ECX\[5\].*CPUID\.1:EDX.*\[cpuid-leaf\]" } */
}

bool host_has_vmx(void)
{
	return cpuid_ecx(1) & feature_bit(VMX);
}

bool host_has_sse4a_lm(void)
{
	return (cpuid_ecx(0x80000001) & feature_bit(SSE4A)) &&
	       (cpuid_edx(0x80000001) & __feature_bit(X86_FEATURE_LM));
}
