/* Era 2: VENDOR_F(x) only names the feature (no bit is set) and is still checked: VENDOR_F(SEV) in CPUID_8000_000A_EDX wrong. */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_8000_000A_EDX,
		VENDOR_F(NPT),
		VENDOR_F(NRIPS),
		VENDOR_F(SEV), /* { dg-warning "X86_FEATURE_SEV is CPUID\.0x8000001f:EAX\[1\], word CPUID_8000_001F_EAX.*CPUID_8000_000A_EDX.*\[cpuid-leaf\]" } */
		VENDOR_F(VMCBCLEAN),
	);

	kvm_cpu_cap_init(CPUID_8000_001F_EAX,
		VENDOR_F(SME),
		VENDOR_F(SEV),
	);
}
