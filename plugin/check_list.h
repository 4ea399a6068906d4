/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The plugin's checks, one CK(NAME) a line: the struct cpuidcheck_check
 * check_NAME that plugin/check_NAME.c defines.  Included by cpuidcheck.h
 * (declarations) and checks.c (the list, in this order); no guard.  A new
 * check is its file and a line here (HACKING.md).
 */
CK(leaf)
CK(rawmask)
CK(alias)
CK(cr4)
CK(unfiltered)
CK(synthetic)
CK(cr4_owned)
CK(runtime)
CK(x86_64)
CK(scattered)
