/* Option -suppress= naming a file that does not exist is an error that names the file: the compiler fails. */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-suppress=tests/cases/suppress/no-such-file.supp" } */
/* { dg-stderr "error: .*no-such-file\.supp" } */
/* { dg-status 1 } */
#include "cr4.h"

bool smep(struct kvm_vcpu *vcpu)
{
	return guest_cpuid_has(vcpu, X86_FEATURE_SMEP);
}
