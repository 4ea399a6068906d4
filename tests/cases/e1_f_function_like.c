/* Era 1: function-like `#define F(name) feature_bit(name)`; F(PCID) in CPUID_1_EDX is a wrong word, the rest is fine. */
#define MINI_F_FUNCTION_LIKE
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_1_ECX,
		F(XMM3) | F(SSSE3) | F(FMA) | F(CX16)
	);

	kvm_cpu_cap_mask(CPUID_1_EDX,
		F(FPU) | F(TSC) | F(CX8) |
		F(PCID) | /* { dg-warning "X86_FEATURE_PCID is CPUID\.1:ECX\[17\], word CPUID_1_ECX.*CPUID_1_EDX.*\[cpuid-leaf\]" } */
		F(XMM2)
	);
}
