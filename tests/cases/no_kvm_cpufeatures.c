/* A unit that only uses the kernel's feature numbers (boot_cpu_has, a local F macro) without KVM's lists is silent. */
#include "cpufeatures.h"

#define F(x)	((x) * 2)

int mini_has_smep_and_pcid(void)
{
	return boot_cpu_has(X86_FEATURE_SMEP) && boot_cpu_has(X86_FEATURE_PCID);
}

int mini_double(int v)
{
	return F(v) + F(X86_FEATURE_SMEP);
}
