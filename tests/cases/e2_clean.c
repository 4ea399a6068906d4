/* Era 2 (6.14+/7.2): correct kvm_cpu_cap_init() lists using every wrapper stay silent. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_1_ECX,
		F(XMM3),
		F(PCLMULQDQ),
		/* DTES64 */
		RUNTIME_F(OSXSAVE),
		F(SSSE3),
		EMULATED_F(X2APIC),
		EMULATED_F(TSC_DEADLINE_TIMER),
		F(AES),
		F(XSAVE),
		F(AVX),
		EMULATED_F(HYPERVISOR),
	);

	kvm_cpu_cap_init(CPUID_1_EDX,
		F(FPU),
		F(PSE),
		F(FXSR),
		F(VME),
		F(SEP),
		F(CLFLUSH),
		F(XMM),
		F(XMM2),
	);

	kvm_cpu_cap_init(CPUID_7_0_EBX,
		F(FSGSBASE),
		EMULATED_F(TSC_ADJUST),
		F(SGX),
		F(SMEP),
		F(SMAP),
	);

	kvm_cpu_cap_init(CPUID_7_ECX,
		F(UMIP),
		F(PKU),
		RUNTIME_F(OSPKE),
		X86_64_F(SHSTK),
		PASSTHROUGH_F(LA57),
		F(RDPID),
	);

	kvm_cpu_cap_init(CPUID_D_1_EAX,
		F(XSAVEOPT),
		F(XSAVEC),
		X86_64_F(XFD),
	);

	kvm_cpu_cap_init(CPUID_12_EAX,
		SCATTERED_F(SGX1),
		SCATTERED_F(SGX2),
	);

	kvm_cpu_cap_init(CPUID_8000_0001_EDX,
		ALIASED_1_EDX_F(FPU),
		ALIASED_1_EDX_F(PSE),
		F(SYSCALL),
		F(NX),
		ALIASED_1_EDX_F(FXSR),
		X86_64_F(GBPAGES),
		F(RDTSCP),
		X86_64_F(LM),
	);

	kvm_cpu_cap_init(CPUID_8000_0007_EDX,
		SCATTERED_F(CONSTANT_TSC),
	);

	kvm_cpu_cap_init(CPUID_8000_000A_EDX,
		VENDOR_F(NPT),
		VENDOR_F(NRIPS),
		VENDOR_F(VMCBCLEAN),
	);

	kvm_cpu_cap_init(CPUID_8000_001F_EAX,
		VENDOR_F(SME),
		VENDOR_F(SEV),
	);

	kvm_cpu_cap_init(CPUID_8000_0021_EAX,
		F(NO_NESTED_DATA_BP),
		SYNTHESIZED_F(LFENCE_RDTSC),
	);

	kvm_cpu_cap_init(CPUID_8000_0021_ECX,
		SYNTHESIZED_F(TSA_SQ_NO),
		SYNTHESIZED_F(TSA_L1_NO),
	);
}
