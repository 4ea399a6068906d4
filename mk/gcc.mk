# Every GCC the plugin supports (11 to 15): tests/gcc/run.
#
#   make check-gcc   build the plugin with each GCC (11 and 12 on this
#                    machine, 13 to 15 in Debian roots made on first use by
#                    scripts/gcc-root.sh), run the unit cases and the
#                    linux-6.12 real-tree test with each, print a table
#   make bench-gcc   bench/plugin-overhead with each GCC
#   GCC_VERSIONS="13 15" limits either to some versions.
GCC_VERSIONS	?= 11 12 13 14 15

.PHONY: check-gcc bench-gcc

check-gcc:
	tests/gcc/run $(GCC_VERSIONS)

bench-gcc:
	tests/gcc/run --bench $(GCC_VERSIONS)
