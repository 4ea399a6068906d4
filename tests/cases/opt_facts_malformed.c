/* Option -facts=FILE with a malformed record: an error naming the file and line, exit status 1. */
/* { dg-options "-fplugin-arg-cpuidcheck_plugin-facts=tests/cases/facts/malformed.facts" } */
/* { dg-stderr "error:.*malformed\.facts:3" } */
/* { dg-status 1 } */
int mini_nothing_here;
