/* Era 2 on a 32-bit config (IS_ENABLED(CONFIG_X86_64) == 0): X86_64_F() lists are still checked, findings do not depend on the config. */
#include "mini_types.h"
#undef CONFIG_X86_64
#define CONFIG_X86_64	0
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_7_ECX,
		F(UMIP),
		X86_64_F(SHSTK),
		X86_64_F(SMEP), /* { dg-warning "X86_FEATURE_SMEP is CPUID\.\(EAX=7,ECX=0\):EBX\[7\], word CPUID_7_0_EBX.*CPUID_7_ECX.*\[cpuid-leaf\]" } */
	);

	kvm_cpu_cap_init(CPUID_8000_0001_EDX,
		F(SYSCALL),
		X86_64_F(LM),
	);
}
