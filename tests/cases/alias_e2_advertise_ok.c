/* cpuid-alias, era 2: every ALIASED_1_EDX_F() alias has its original in the CPUID_1_EDX list (which also lists non-aliased bits): silent. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_1_EDX,
		F(FPU),
		F(VME),
		F(DE),
		F(PSE),
		F(TSC),
		F(MSR),
		F(PAE),
		F(MCE),
		F(CX8),
		F(APIC),
		F(SEP),
		F(MTRR),
		F(PGE),
		F(MCA),
		F(CMOV),
		F(PAT),
		F(PSE36),
		F(CLFLUSH),
		F(MMX),
		F(FXSR),
		F(XMM),
		F(XMM2),
	);

	kvm_cpu_cap_init(CPUID_8000_0001_EDX,
		ALIASED_1_EDX_F(FPU),
		ALIASED_1_EDX_F(PSE),
		ALIASED_1_EDX_F(TSC),
		F(SYSCALL),
		ALIASED_1_EDX_F(PAT),
		F(NX),
		ALIASED_1_EDX_F(FXSR),
		X86_64_F(LM),
	);
}
