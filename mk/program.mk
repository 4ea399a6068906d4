# The cpuidcheck program (src/), its tests and installation.
#
#   make [all]                   also builds ./cpuidcheck
#   make check-program           tests/program/run and tests/program/hostile
#                                (fast tests)
#   make check-sanitize          the same and tests/review/run with an
#                                ASan+UBSan build
#                                (./cpuidcheck-san); any report fails
#   make check-program-kernel    the real-tree program tests (slow)
#   make install PREFIX=/usr/local DESTDIR=
PREFIX		?= /usr/local
BINDIR		 = $(PREFIX)/bin
LIBDIR		 = $(PREFIX)/lib/cpuidcheck
SHAREDIR	 = $(PREFIX)/share/cpuidcheck
MANDIR		 = $(PREFIX)/share/man/man1
# README.md and docs/checks.md: SARIF's informationUri and helpUri point at
# them (file: URIs), unless DOC_URL names where the project's files are
# published (make DOC_URL=https://host/cpuidcheck/tree/).
DOCDIR		 = $(PREFIX)/share/doc/cpuidcheck
DOC_URL		?=
PROG_CC		?= cc
PROG_CFLAGS	?= -O2 -g -Wall -Wextra -Wno-unused-parameter
# Of the judge the program needs only the finding record's reader.
PROG_SRCS	:= $(wildcard src/*.c) judge/finding.c
PROG_HDRS	:= $(wildcard src/*.h) judge/finding.h

SAN_CC		?= gcc
SAN_CFLAGS	:= -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
		   -fno-sanitize-recover=undefined -Wall -Wextra \
		   -Wno-unused-parameter

.PHONY: check-program check-program-kernel check-sanitize install

all: cpuidcheck

# The check registry is embedded so an installed program needs nothing
# beside it (as plugin/facts.inc for the plugin).
src/checks.inc: data/checks
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/.*/"&\\n"/' $< > $@.tmp
	mv $@.tmp $@

# docs/checks.md is made from the registry and committed (SARIF's helpUri
# points at its sections); tests/program/docs-test checks it is current.
docs/checks.md: data/checks scripts/checks-doc
	scripts/checks-doc $< > $@.tmp
	mv $@.tmp $@

# The man page's list of checks, too (its other text is written by hand).
man/cpuidcheck.1: data/checks scripts/checks-doc
	scripts/checks-doc --man data/checks $@ > $@.tmp
	mv $@.tmp $@

# The program runs the plugin with the GCC it was built for.
cpuidcheck: $(PROG_SRCS) $(PROG_HDRS) src/checks.inc plugin/.built-with
	$(PROG_CC) $(PROG_CFLAGS) -D_GNU_SOURCE -Ijudge -DPREFIX='"$(PREFIX)"' \
		-DDEFAULT_CC='"$(CC)"' \
		$(if $(DOC_URL),-DDOC_URL='"$(DOC_URL)"') \
		-o $@.tmp $(PROG_SRCS)
	mv $@.tmp $@

# Same sources, same defines; beside ./cpuidcheck so it finds the plugin.
cpuidcheck-san: $(PROG_SRCS) $(PROG_HDRS) src/checks.inc plugin/.built-with
	$(SAN_CC) $(SAN_CFLAGS) -D_GNU_SOURCE -Ijudge -DPREFIX='"$(PREFIX)"' \
		-DDEFAULT_CC='"$(CC)"' \
		-o $@.tmp $(PROG_SRCS)
	mv $@.tmp $@

check-program: cpuidcheck $(PLUGIN)
	tests/program/run
	CC=$(CC) tests/program/hostile
	tests/program/docs-test

check-sanitize: cpuidcheck cpuidcheck-san $(PLUGIN)
	CC=$(CC) scripts/check-sanitize.sh ./cpuidcheck-san

check-program-kernel: cpuidcheck $(PLUGIN)
	@scripts/deps.sh json kernel
	CC=$(CC) tests/program/run --kernel
	CC=$(CC) tests/program/hostile --kernel

install: cpuidcheck $(PLUGIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) \
		$(DESTDIR)$(SHAREDIR)/data $(DESTDIR)$(SHAREDIR)/semantic-patches \
		$(DESTDIR)$(MANDIR)
	install -m 755 cpuidcheck $(DESTDIR)$(BINDIR)/cpuidcheck
	install -m 644 $(PLUGIN) $(DESTDIR)$(LIBDIR)/cpuidcheck_plugin.so
	install -m 644 data/cpuid-facts data/checks data/kvm.config data/*.suppress $(DESTDIR)$(SHAREDIR)/data/
	for f in semantic-patches/*; do [ -f $$f ] || continue; \
		case $$f in *-cocci) m=755 ;; *) m=644 ;; esac; \
		install -m $$m $$f $(DESTDIR)$(SHAREDIR)/semantic-patches/; \
	done
	install -m 644 man/cpuidcheck.1 $(DESTDIR)$(MANDIR)/cpuidcheck.1
	install -d $(DESTDIR)$(DOCDIR)/docs
	install -m 644 README.md $(DESTDIR)$(DOCDIR)/README.md
	install -m 644 docs/checks.md $(DESTDIR)$(DOCDIR)/docs/checks.md

.PHONY: clean-program-generated
clean: clean-program-generated
clean-program-generated:
	rm -f src/checks.inc src/checks.inc.tmp
