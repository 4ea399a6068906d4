/*
 * Mini capability copy and override for cpuidcheck unit cases (written for
 * the tests, kernel-shaped): 6.1..6.13 start kvm_set_cpu_caps() from a copy
 * of boot_cpu_data.x86_capability; __do_cpuid_func() gives a guest a word
 * with cpuid_entry_override().
 */
#ifndef MINI_CAPS_COPY_H
#define MINI_CAPS_COPY_H

#include "cr4.h"

extern void *memcpy(void *to, const void *from, unsigned long len);
extern void *memset(void *to, int c, unsigned long len);

static __always_inline void cpuid_entry_override(struct kvm_cpuid_entry2 *entry,
						 unsigned int leaf)
{
	u32 *reg = cpuid_entry_get_reg(entry, leaf * 32);

	*reg = kvm_cpu_caps[leaf];
}

extern struct kvm_cpuid_entry2 *do_host_cpuid(u32 function, u32 index);

#endif
