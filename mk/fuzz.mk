# libFuzzer target for the patch/mail parser (src/diff.c patch_parse()).
#
#   make fuzz                 build fuzz/patch_fuzz with clang and run it for
#                             FUZZ_SECONDS (default 60) from fuzz/corpus/;
#                             prints the executions, fails on any crash
#   make fuzz FUZZ_SECONDS=600
#
# New inputs go to a scratch corpus, never into the repo; a crash's input is
# kept in $(FUZZ_OUT)/ (crash-*, leak-*, timeout-*) and printed.
FUZZ_CC		?= clang
FUZZ_SECONDS	?= 60
FUZZ_OUT	?= /tmp/cpuidcheck-fuzz
FUZZ_CFLAGS	:= -g -O1 -fno-omit-frame-pointer -D_GNU_SOURCE \
		   -fsanitize=fuzzer,address,undefined \
		   -fno-sanitize-recover=undefined
FUZZ_SRCS	:= fuzz/patch_fuzz.c src/diff.c src/util.c

.PHONY: fuzz fuzz-build

fuzz/patch_fuzz: $(FUZZ_SRCS) $(PROG_HDRS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@.tmp $(FUZZ_SRCS)
	mv $@.tmp $@

fuzz-build:
	@scripts/deps.sh fuzz
	$(MAKE) fuzz/patch_fuzz

fuzz: fuzz-build
	scripts/fuzz.sh fuzz/patch_fuzz fuzz/corpus $(FUZZ_SECONDS) $(FUZZ_OUT)
