/* Option -disable=CHECK with an unknown check name: an error naming it, exit status 1. */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-disable=cpuid-bogus" } */
/* { dg-stderr "error:.*cpuid-bogus" } */
/* { dg-status 1 } */
int mini_nothing_here;
