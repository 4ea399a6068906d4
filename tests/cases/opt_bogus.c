/* An unknown plugin option is an error that names the option; the compiler exits 1. */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-bogus" } */
/* { dg-stderr "error:.*bogus" } */
/* { dg-status 1 } */
int mini_nothing_here;
