/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every GCC header the plugin uses, and every difference between the GCC
 * versions it is built for (11 to 15, Debian's gcc-N-plugin-dev), in one
 * place, as the kernel's scripts/gcc-plugins/gcc-common.h does.
 */
#ifndef CPUIDCHECK_GCC_COMPAT_H
#define CPUIDCHECK_GCC_COMPAT_H

#include "gcc-plugin.h"
#include "plugin-version.h"
#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "tree.h"
#include "stringpool.h"
#include "tree-iterator.h"
#include "c-family/c-common.h"
#include "c-family/c-pragma.h"
#include "cpplib.h"
#include "line-map.h"
#include "diagnostic.h"
#include "intl.h"

#if BUILDING_GCC_VERSION < 11000 || BUILDING_GCC_VERSION >= 16000
#pragma message "cpuidcheck is tested with GCC 11 to 15 only"
#endif

/*
 * The macro's definition as text, "NAME(params) body" or "NAME body".
 * GCC 10 added an overload taking the cpp_macro; both versions keep the
 * two-argument form.
 */
static inline const char *compat_macro_definition(struct cpp_hashnode *node)
{
	return (const char *)cpp_macro_definition(parse_in, node);
}

/* A user #define (not a builtin, not an assertion, not poisoned). */
static inline bool compat_user_macro_p(cpp_hashnode *node)
{
	return node && node->type == NT_USER_MACRO;
}

/*
 * The column GCC itself would print (-fdiagnostics-column-unit/-origin).
 * GCC 14 made the function a member of diagnostic_context; GCC 15 moved it
 * to the column policy built from the context.
 */
static inline int compat_column(expanded_location x)
{
#if BUILDING_GCC_VERSION >= 15000
	return diagnostic_column_policy(*global_dc).converted_column(x);
#elif BUILDING_GCC_VERSION >= 14000
	return global_dc->converted_column(x);
#else
	return diagnostic_converted_column(global_dc, x);
#endif
}

/*
 * Where the macro of MAP was expanded.  GCC 14 made the field private and
 * replaced MACRO_MAP_EXPANSION_POINT_LOCATION() by a member function.
 */
static inline location_t compat_expansion_point(const line_map_macro *map)
{
#if BUILDING_GCC_VERSION >= 14000
	return map->get_expansion_point_location();
#else
	return MACRO_MAP_EXPANSION_POINT_LOCATION(map);
#endif
}

/*
 * The line of a #define, at the column of its '#' as GCC 11 to 13 record it
 * (the kernel writes '#' in column 1).  GCC 14 records the macro name's
 * column instead; the line's column 0 prints as column 1 there.
 */
static inline location_t compat_macro_line(cpp_hashnode *node)
{
	location_t loc = node->value.macro->line;
#if BUILDING_GCC_VERSION >= 14000
	const struct line_map_ordinary *map;

	loc = get_pure_location(loc);
	if (loc < RESERVED_LOCATION_COUNT ||
	    linemap_location_from_macro_expansion_p(line_table, loc))
		return loc;
	map = linemap_check_ordinary(linemap_lookup(line_table, loc));
	loc = linemap_position_for_line_and_column(line_table, map,
						   SOURCE_LINE(map, loc), 0);
#endif
	return loc;
}

/*
 * Tree shapes that differ between versions are read version-neutrally where
 * they are read, and listed here:
 *  - GCC 15 converts the value of a compound assignment to a typedef'd
 *    field back to the typedef ("f = (u64) (f | C)"); check_cr4.c's
 *    fixed1_bits() strips conversions.
 */

#ifndef __visible
#define __visible __attribute__((visibility("default")))
#endif

#endif /* CPUIDCHECK_GCC_COMPAT_H */
