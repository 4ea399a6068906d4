/* cpuid-synthetic, era 1: a backport that gives the kernel-set flag CLEAR_BHB_LOOP a home in word 18 (CPUID.(EAX=7,ECX=0):EDX) is a finding at its #define; RETHUNK in a Linux-defined word is silent. */
#define X86_FEATURE_RETHUNK		(11*32+14)
#define X86_FEATURE_CLEAR_BHB_LOOP	(18*32+ 3) /* { dg-warning "^X86_FEATURE_CLEAR_BHB_LOOP is a flag the kernel sets itself \(Linux-defined in the newest kernel\), but it is defined in word CPUID_7_EDX, which KVM maps to CPUID\.\(EAX=7,ECX=0\):EDX, so it is CPUID\.\(EAX=7,ECX=0\):EDX\[3\]: .*move it to a Linux-defined word \(CPUID_LNX_\*\).*\[cpuid-synthetic\]" } */
#include "cpuid_era1.h"

void kvm_set_cpu_caps(void)
{
	kvm_cpu_cap_mask(CPUID_7_EDX,
		F(SPEC_CTRL) | F(ARCH_CAPABILITIES)
	);
}
