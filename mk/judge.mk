# The judge as a shared library, for the Coccinelle engine's Python
# (ctypes, judge/cpuidjudge.h): the decisions the plugin links, and the
# model learned from a tree's headers.
JUDGE_LIB	:= build/libcpuidjudge.so
JUDGE_LIB_SRCS	:= $(JUDGE_SRCS) judge/headers.c judge/abi.c
JUDGE_CFLAGS	:= -O2 -g -Wall -Wextra -Wno-unused-parameter -fPIC \
		   -fvisibility=hidden

.PHONY: install-judge

all: $(JUDGE_LIB)

$(JUDGE_LIB): $(JUDGE_LIB_SRCS) $(JUDGE_HDRS)
	@mkdir -p $(@D)
	$(PROG_CC) $(JUDGE_CFLAGS) -D_GNU_SOURCE -shared -o $@.tmp \
		$(JUDGE_LIB_SRCS)
	mv $@.tmp $@

# Beside the plugin; the semantic patches find it from their directory
# ($(SHAREDIR)/semantic-patches/../../../lib/cpuidcheck).
install: install-judge
install-judge: $(JUDGE_LIB)
	install -d $(DESTDIR)$(LIBDIR)
	install -m 644 $(JUDGE_LIB) $(DESTDIR)$(LIBDIR)/libcpuidjudge.so
