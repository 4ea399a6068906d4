/*
 * Mini cpufeatures.h for cpuidcheck unit cases: the kernel's word numbering
 * (enum cpuid_leafs, as in 6.12) and a few dozen X86_FEATURE_* values.
 * Written for the tests, with only the features the cases use.
 */
#ifndef MINI_CPUFEATURES_H
#define MINI_CPUFEATURES_H

#include "mini_types.h"

#define NCAPINTS	22

enum cpuid_leafs {
	CPUID_1_EDX = 0,
	CPUID_8000_0001_EDX,
	CPUID_8086_0001_EDX,
	CPUID_LNX_1,
	CPUID_1_ECX,
	CPUID_C000_0001_EDX,
	CPUID_8000_0001_ECX,
	CPUID_LNX_2,
	CPUID_LNX_3,
	CPUID_7_0_EBX,
	CPUID_D_1_EAX,
	CPUID_LNX_4,
	CPUID_7_1_EAX,
	CPUID_8000_0008_EBX,
	CPUID_6_EAX,
	CPUID_8000_000A_EDX,
	CPUID_7_ECX,
	CPUID_8000_0007_EBX,
	CPUID_7_EDX,
	CPUID_8000_001F_EAX,
	CPUID_8000_0021_EAX,
	CPUID_LNX_5,
	NR_CPUID_WORDS,
};

/* Word 0: CPUID.1:EDX */
#define X86_FEATURE_FPU			( 0*32+ 0)
#define X86_FEATURE_VME			( 0*32+ 1)
#define X86_FEATURE_DE			( 0*32+ 2)
#define X86_FEATURE_PSE			( 0*32+ 3)
#define X86_FEATURE_TSC			( 0*32+ 4)
#define X86_FEATURE_MSR			( 0*32+ 5)
#define X86_FEATURE_PAE			( 0*32+ 6)
#define X86_FEATURE_MCE			( 0*32+ 7)
#define X86_FEATURE_CX8			( 0*32+ 8)
#define X86_FEATURE_APIC		( 0*32+ 9)
#define X86_FEATURE_SEP			( 0*32+11)
#define X86_FEATURE_MTRR		( 0*32+12)
#define X86_FEATURE_PGE			( 0*32+13)
#define X86_FEATURE_MCA			( 0*32+14)
#define X86_FEATURE_CMOV		( 0*32+15)
#define X86_FEATURE_PAT			( 0*32+16)
#define X86_FEATURE_PSE36		( 0*32+17)
#define X86_FEATURE_CLFLUSH		( 0*32+19)
#define X86_FEATURE_MMX			( 0*32+23)
#define X86_FEATURE_FXSR		( 0*32+24)
#define X86_FEATURE_XMM			( 0*32+25)
#define X86_FEATURE_XMM2		( 0*32+26)

/* Word 1: CPUID.0x80000001:EDX */
#define X86_FEATURE_SYSCALL		( 1*32+11)
#define X86_FEATURE_NX			( 1*32+20)
#define X86_FEATURE_MMXEXT		( 1*32+22)
#define X86_FEATURE_FXSR_OPT		( 1*32+25)
#define X86_FEATURE_GBPAGES		( 1*32+26)
#define X86_FEATURE_RDTSCP		( 1*32+27)
#define X86_FEATURE_LM			( 1*32+29)
#define X86_FEATURE_3DNOWEXT		( 1*32+30)
#define X86_FEATURE_3DNOW		( 1*32+31)

/* Word 3: Linux-defined */
#define X86_FEATURE_CONSTANT_TSC	( 3*32+ 8)

/* Word 4: CPUID.1:ECX */
#define X86_FEATURE_XMM3		( 4*32+ 0)
#define X86_FEATURE_PCLMULQDQ		( 4*32+ 1)
#define X86_FEATURE_MWAIT		( 4*32+ 3)
#define X86_FEATURE_VMX			( 4*32+ 5)
#define X86_FEATURE_SMX			( 4*32+ 6)
#define X86_FEATURE_SSSE3		( 4*32+ 9)
#define X86_FEATURE_FMA			( 4*32+12)
#define X86_FEATURE_CX16		( 4*32+13)
#define X86_FEATURE_PCID		( 4*32+17)
#define X86_FEATURE_XMM4_1		( 4*32+19)
#define X86_FEATURE_XMM4_2		( 4*32+20)
#define X86_FEATURE_X2APIC		( 4*32+21)
#define X86_FEATURE_MOVBE		( 4*32+22)
#define X86_FEATURE_POPCNT		( 4*32+23)
#define X86_FEATURE_TSC_DEADLINE_TIMER	( 4*32+24)
#define X86_FEATURE_AES			( 4*32+25)
#define X86_FEATURE_XSAVE		( 4*32+26)
#define X86_FEATURE_OSXSAVE		( 4*32+27)
#define X86_FEATURE_AVX			( 4*32+28)
#define X86_FEATURE_F16C		( 4*32+29)
#define X86_FEATURE_RDRAND		( 4*32+30)
#define X86_FEATURE_HYPERVISOR		( 4*32+31)

/* Word 6: CPUID.0x80000001:ECX */
#define X86_FEATURE_LAHF_LM		( 6*32+ 0)
#define X86_FEATURE_ABM			( 6*32+ 5)
#define X86_FEATURE_SSE4A		( 6*32+ 6)
#define X86_FEATURE_SKINIT		( 6*32+12)

/* Word 7: Linux-defined (scattered) */
#define X86_FEATURE_PERFMON_V2		( 7*32+20)

/* Word 9: CPUID.(EAX=7,ECX=0):EBX */
#define X86_FEATURE_FSGSBASE		( 9*32+ 0)
#define X86_FEATURE_TSC_ADJUST		( 9*32+ 1)
#define X86_FEATURE_SGX			( 9*32+ 2)
#define X86_FEATURE_BMI1		( 9*32+ 3)
#define X86_FEATURE_AVX2		( 9*32+ 5)
#define X86_FEATURE_SMEP		( 9*32+ 7)
#define X86_FEATURE_BMI2		( 9*32+ 8)
#define X86_FEATURE_ERMS		( 9*32+ 9)
#define X86_FEATURE_INVPCID		( 9*32+10)
#define X86_FEATURE_AVX512F		( 9*32+16)
#define X86_FEATURE_SMAP		( 9*32+20)

/* Word 10: CPUID.(EAX=0xd,ECX=1):EAX */
#define X86_FEATURE_XSAVEOPT		(10*32+ 0)
#define X86_FEATURE_XSAVEC		(10*32+ 1)
#define X86_FEATURE_XFD			(10*32+ 4)

/* Word 11: Linux-defined (scattered) */
#define X86_FEATURE_SGX1		(11*32+ 8)
#define X86_FEATURE_SGX2		(11*32+ 9)
#define X86_FEATURE_RRSBA_CTRL		(11*32+11)
#define X86_FEATURE_SGX_EDECCSSA	(11*32+18)

/* Word 12: CPUID.(EAX=7,ECX=1):EAX */
#define X86_FEATURE_AVX_VNNI		(12*32+ 4)
#define X86_FEATURE_AVX512_BF16		(12*32+ 5)
#define X86_FEATURE_AMX_FP16		(12*32+21)
#define X86_FEATURE_FRED		(12*32+17)
#define X86_FEATURE_LAM			(12*32+26)

/* Word 13: CPUID.0x80000008:EBX */
#define X86_FEATURE_CLZERO		(13*32+ 0)
#define X86_FEATURE_RDPRU		(13*32+ 4)
#define X86_FEATURE_AMD_IBPB		(13*32+12)

/* Word 15: CPUID.0x8000000a:EDX */
#define X86_FEATURE_NPT			(15*32+ 0)
#define X86_FEATURE_NRIPS		(15*32+ 3)
#define X86_FEATURE_VMCBCLEAN		(15*32+ 5)
#define X86_FEATURE_VGIF		(15*32+16)
#define X86_FEATURE_GMET		(15*32+17)

/* Word 16: CPUID.(EAX=7,ECX=0):ECX */
#define X86_FEATURE_UMIP		(16*32+ 2)
#define X86_FEATURE_PKU			(16*32+ 3)
#define X86_FEATURE_OSPKE		(16*32+ 4)
#define X86_FEATURE_SHSTK		(16*32+ 7)
#define X86_FEATURE_LA57		(16*32+16)
#define X86_FEATURE_RDPID		(16*32+22)

/* Word 18: CPUID.(EAX=7,ECX=0):EDX */
#define X86_FEATURE_IBT			(18*32+20)
#define X86_FEATURE_AMX_BF16		(18*32+22)
#define X86_FEATURE_AMX_INT8		(18*32+25)
#define X86_FEATURE_SPEC_CTRL		(18*32+26)
#define X86_FEATURE_ARCH_CAPABILITIES	(18*32+29)

/* Word 19: CPUID.0x8000001f:EAX */
#define X86_FEATURE_SME			(19*32+ 0)
#define X86_FEATURE_SEV			(19*32+ 1)
#define X86_FEATURE_SEV_ES		(19*32+ 3)
#define X86_FEATURE_SEV_SNP		(19*32+ 4)

/* Word 20: CPUID.0x80000021:EAX */
#define X86_FEATURE_NO_NESTED_DATA_BP	(20*32+ 0)
#define X86_FEATURE_LFENCE_RDTSC	(20*32+ 2)

/* Word 21: Linux-defined (scattered) */
#define X86_FEATURE_BHI_CTRL		(21*32+ 2)
#define X86_FEATURE_TSA_SQ_NO		(21*32+11)
#define X86_FEATURE_TSA_L1_NO		(21*32+12)

#define MAX_CPU_FEATURES	(NCAPINTS * 32)

extern bool boot_cpu_has(unsigned int feature);

#endif
