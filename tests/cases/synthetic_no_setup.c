/* cpuid-synthetic: a unit without KVM's capability setup does not judge cpufeatures.h (it is judged once, where the setup is): silent. */
#define X86_FEATURE_CLEAR_BHB_LOOP	(18*32+ 3)
#include "kvm_query.h"

bool q(struct kvm_vcpu *vcpu)
{
	return guest_cpuid_has(vcpu, X86_FEATURE_SPEC_CTRL);
}
