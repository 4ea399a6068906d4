/* cpuid-cr4: a suppression file acknowledging CR4.VME and CR4.DE silences both missing gates (cr4_rsvd_legacy.h gates neither); the count is printed in one line. */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-suppress=tests/cases/suppress/cr4-always-allowed.supp" } */
/* { dg-stderr "^cpuidcheck: note: 2 findings suppressed by tests/cases/suppress/cr4-always-allowed\.supp$" } */
#include "cr4_rsvd_legacy.h"
#include "cr4_rsvd_users.h"
