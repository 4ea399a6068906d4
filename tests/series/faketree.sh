# Sourced by tests/series/run and bench/series: a fake kernel tree (kernel-
# shaped C written for the tests, on the headers of tests/cases/include) and
# a fake configured build for --build: a .config and kbuild's .NAME.o.cmd
# files (savedcmd_..., source_...), as tree.c's unit_from_cmd() reads them.
#
# faketree_make TOP TREE BUILD
#   TREE/arch/x86/kvm: cpuid.c (capability setup; the only unit including
#   cpuid_local.h), x86.c and mmu.c (including x86.h), cpuid.h (all three);
#   the same anchors as 7.2's tree for tests/series/make-series.
faketree_make() {
	local top=$1 tree=$2 build=$3 u
	mkdir -p "$tree/include/linux" "$tree/arch/x86/kvm" \
		"$tree/arch/x86/include/mini" "$build/arch/x86/kvm" || return 1
	touch "$tree/Makefile" "$tree/Kconfig" "$tree/include/linux/kernel.h"
	cp "$top"/tests/cases/include/*.h "$tree/arch/x86/include/mini/"
	cat >"$tree/arch/x86/kvm/cpuid.h" <<'C'
/* SPDX-License-Identifier: GPL-2.0 */
/* Fake KVM header for cpuidcheck's tests: included by every unit. */
#ifndef FAKE_KVM_CPUID_H
#define FAKE_KVM_CPUID_H

#include "kvm_query.h"

static inline u32 fake_max_leaf(void)
{
	return 0x24;
}

#endif
C
	cat >"$tree/arch/x86/kvm/cpuid_local.h" <<'C'
/* SPDX-License-Identifier: GPL-2.0 */
/* Fake KVM header for cpuidcheck's tests: only cpuid.c includes it. */
#ifndef FAKE_KVM_CPUID_LOCAL_H
#define FAKE_KVM_CPUID_LOCAL_H

static inline u32 fake_local_limit(void)
{
	return 1;
}

#endif
C
	cat >"$tree/arch/x86/kvm/x86.h" <<'C'
/* SPDX-License-Identifier: GPL-2.0 */
/* Fake KVM header for cpuidcheck's tests: included by x86.c and mmu.c. */
#ifndef FAKE_KVM_X86_H
#define FAKE_KVM_X86_H

static inline int fake_x86_mode(void)
{
	return 64;
}

#endif
C
	cat >"$tree/arch/x86/kvm/cpuid.c" <<'C'
// SPDX-License-Identifier: GPL-2.0
/* Fake KVM unit for cpuidcheck's tests: the capability setup. */
#include "cpuid_era2.h"
#include "cpuid.h"
#include "cpuid_local.h"

void kvm_initialize_cpu_caps(void)
{
	kvm_cpu_cap_init(CPUID_1_EDX,
		F(FPU),
		F(PSE),
		F(PAE),
		F(FXSR),
	);

	kvm_cpu_cap_init(CPUID_7_0_EBX,
		F(FSGSBASE),
		F(SMEP),
		F(SMAP),
	);

	kvm_cpu_cap_init(CPUID_7_ECX,
		F(UMIP),
		F(PKU),
		F(RDPID),
		X86_64_F(SHSTK),
	);

	kvm_cpu_cap_init(CPUID_8000_0001_EDX,
		ALIASED_1_EDX_F(FPU),
		ALIASED_1_EDX_F(PSE),
		F(NX),
		ALIASED_1_EDX_F(FXSR),
	);
}
C
	cat >"$tree/arch/x86/kvm/x86.c" <<'C'
// SPDX-License-Identifier: GPL-2.0
/* Fake KVM unit for cpuidcheck's tests: queries. */
#include "cpuid.h"
#include "x86.h"

bool fake_guest_has_pse(struct kvm_vcpu *vcpu)
{
	return fake_x86_mode() == 64 && guest_cpu_cap_has(vcpu, X86_FEATURE_PSE);
}
C
	cat >"$tree/arch/x86/kvm/mmu.c" <<'C'
// SPDX-License-Identifier: GPL-2.0
/* Fake KVM unit for cpuidcheck's tests: more queries. */
#include "cpuid.h"
#include "x86.h"

bool fake_guest_has_smep(struct kvm_vcpu *vcpu)
{
	return guest_cpu_cap_has(vcpu, X86_FEATURE_SMEP);
}
C
	echo 'CONFIG_KVM=y' >"$build/.config"
	for u in cpuid x86 mmu; do
		printf '%s\n\n%s\n\n%s\n' \
			"savedcmd_arch/x86/kvm/$u.o := gcc -Wp,-MMD,arch/x86/kvm/.$u.o.d -nostdinc -I$tree/arch/x86/include/mini -O2 -Wall -c -o arch/x86/kvm/$u.o $tree/arch/x86/kvm/$u.c" \
			"source_arch/x86/kvm/$u.o := $tree/arch/x86/kvm/$u.c" \
			"deps_arch/x86/kvm/$u.o := \\" >"$build/arch/x86/kvm/.$u.o.cmd"
	done
}
