/* Option -facts=FILE with a file that does not exist: an error naming the file, exit status 1. */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-facts=tests/cases/facts/does-not-exist.facts" } */
/* { dg-stderr "error:.*does-not-exist\.facts" } */
/* { dg-status 1 } */
int mini_nothing_here;
