/* Era 1 (6.1..6.13): correct kvm_cpu_cap_mask() lists over many words, with 0 placeholders, stay silent. */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_1_ECX,
		F(XMM3) | F(PCLMULQDQ) | 0 /* DTES64, MONITOR */ |
		0 /* DS-CPL, VMX, SMX, EST */ |
		0 /* TM2 */ | F(SSSE3) | 0 /* CNXT-ID */ | 0 /* Reserved */ |
		F(FMA) | F(CX16) | F(PCID) | F(XMM4_1) |
		F(XMM4_2) | F(X2APIC) | F(MOVBE) | F(POPCNT) |
		F(AES) | F(XSAVE) | 0 /* OSXSAVE */ | F(AVX) |
		F(F16C) | F(RDRAND)
	);

	kvm_cpu_cap_mask(CPUID_1_EDX,
		F(FPU) | F(VME) | F(DE) | F(PSE) |
		F(TSC) | F(MSR) | F(PAE) | F(MCE) |
		F(CX8) | F(APIC) | 0 /* Reserved */ | F(SEP) |
		F(MTRR) | F(PGE) | F(MCA) | F(CMOV) |
		F(PAT) | F(PSE36) | 0 /* PSN */ | F(CLFLUSH) |
		F(MMX) | F(FXSR) | F(XMM) | F(XMM2)
	);

	kvm_cpu_cap_mask(CPUID_7_0_EBX,
		F(FSGSBASE) | F(SGX) | F(BMI1) | F(AVX2) |
		F(SMEP) | F(BMI2) | F(ERMS) | F(INVPCID) |
		0 /*MPX*/ | F(AVX512F) | F(SMAP)
	);

	kvm_cpu_cap_mask(CPUID_7_ECX,
		F(UMIP) | F(PKU) | 0 /*OSPKE*/ | 0 /*SHSTK*/ | F(LA57) | F(RDPID)
	);

	kvm_cpu_cap_mask(CPUID_7_EDX,
		F(IBT) | F(AMX_BF16) | F(AMX_INT8) | F(SPEC_CTRL) |
		F(ARCH_CAPABILITIES)
	);

	kvm_cpu_cap_mask(CPUID_7_1_EAX,
		F(AVX_VNNI) | F(AVX512_BF16) | F(FRED) | F(LAM)
	);

	kvm_cpu_cap_mask(CPUID_D_1_EAX,
		F(XSAVEOPT) | F(XSAVEC)
	);

	kvm_cpu_cap_mask(CPUID_8000_0001_ECX,
		F(LAHF_LM) | F(ABM) | F(SSE4A)
	);

	kvm_cpu_cap_mask(CPUID_8000_0008_EBX,
		F(CLZERO) | F(AMD_IBPB)
	);

	kvm_cpu_cap_mask(CPUID_8000_001F_EAX,
		0 /* SME */ | F(SEV)
	);
}
