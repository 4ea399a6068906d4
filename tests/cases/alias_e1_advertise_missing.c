/* cpuid-alias, era 1: F(PSE) and F(PAT) in the CPUID_8000_0001_EDX mask while the CPUID_1_EDX mask lacks them are findings at their lines; F(FPU), F(TSC) are silent. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_1_EDX,
		F(FPU) | F(VME) | F(DE) | F(TSC) |
		F(MSR) | F(PAE) | F(MCE) | F(CX8) | F(APIC) |
		F(SEP) | F(MTRR) | F(PGE) | F(MCA) | F(CMOV) |
		F(PSE36) | F(CLFLUSH) | F(MMX) | F(FXSR) | F(XMM) | F(XMM2)
	);

	kvm_cpu_cap_mask(CPUID_8000_0001_EDX,
		F(FPU) | F(TSC) |
		F(PSE) | /* { dg-warning "^(?=.*X86_FEATURE_PSE\b)(?=.*(CPUID_1_EDX|CPUID\.1:EDX)).*\[cpuid-alias\]" } */
		F(SYSCALL) | F(NX) |
		F(PAT) | /* { dg-warning "^(?=.*X86_FEATURE_PAT\b)(?=.*(CPUID_1_EDX|CPUID\.1:EDX)).*\[cpuid-alias\]" } */
		F(MMX) | F(FXSR) | F(RDTSCP)
	);
}
