/* cpuid-x86-64, era 2: F(XFD) and F(LM) are findings whose fix is X86_64_F(); X86_64_F(GBPAGES) is silent; SHSTK plain is a finding (7.2 declares it X86_64_F()). */
#include "cpuid_era2.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_D_1_EAX,
		F(XSAVEOPT),
		F(XSAVEC),
		F(XFD), /* { dg-warning "^F\(XFD\): X86_FEATURE_XFD \(CPUID\.\(EAX=0xd,ECX=1\):EAX\[4\]\) exists only in 64-bit mode, but the kvm_cpu_cap_init\(CPUID_D_1_EAX, \.\.\.\) list declares it unconditionally, so a 32-bit KVM advertises it; declare it with X86_64_F\(XFD\) \[cpuid-x86-64\]" } */
	);

	kvm_cpu_cap_init(CPUID_7_ECX,
		F(UMIP),
		F(SHSTK), /* { dg-warning "^F\(SHSTK\): .*X86_64_F\(SHSTK\) \[cpuid-x86-64\]" } */
	);

	kvm_cpu_cap_init(CPUID_8000_0001_EDX,
		F(SYSCALL),
		X86_64_F(GBPAGES),
		F(LM), /* { dg-warning "^F\(LM\): .*X86_64_F\(LM\) \[cpuid-x86-64\]" } */
	);
}
