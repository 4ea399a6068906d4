# Scratch copies of a cached, prepared kernel tree (sourced by
# tests/kernel/run and bench/plugin-overhead; bash).
#
# The cache (tests/kernel/tree.sh) must never be written.  A scratch copy
# hardlinks only the pristine sources, which no build step writes (GNU patch
# replaces a file by rename, so patching one breaks its link):
#  - arch/x86/kvm is copied for real, without its build outputs;
#  - everything `make defconfig prepare` produced (.config, include/config,
#    include/generated, scripts/ and tools/ binaries, .cmd files, ...) is
#    copied for real too, because kbuild rewrites some of those in place:
#    fixdep's `> .foo.cmd`, `touch .tmp_missing-syscalls`, objtool patching
#    objects, kconfig touching include/config/*.
# The unpacked sources keep the tarball's mtimes; the build outputs are
# newer than an hour before .config was written.

# scratch_mkcopy TREE DEST
scratch_mkcopy() {
	local tree=$1 dest=$2 ref
	cp -al "$tree" "$dest" || return 1
	rm -rf "$dest/arch/x86/kvm"
	cp -a "$tree/arch/x86/kvm" "$dest/arch/x86/kvm" || return 1
	find "$dest/arch/x86/kvm" -type f \( -name '*.o' -o -name '.*.cmd' \
		-o -name '*.a' -o -name '*.ko' -o -name '*.mod*' \) -delete
	ref=$(( $(stat -c %Y "$tree/.config") - 3600 ))
	(cd "$tree" && find . -type f -newermt "@$ref" ! -path './arch/x86/kvm/*' -print0 |
		xargs -0 -r cp -p --parents --remove-destination -t "$dest") || return 1
}

# scratch_workdir TREE TMPDIR: TMPDIR when it is on TREE's file system (cp -al
# needs that), else a new directory beside TREE; prints the directory.
scratch_workdir() {
	if [ "$(stat -c %d "$1")" = "$(stat -c %d "$2")" ]; then
		echo "$2"
	else
		mktemp -d "$(dirname "$1")/.scratch.XXXXXX"
	fi
}

# scratch_reconfigure SCRATCH CC LOG: a tree prepared with another compiler
# (CONFIG_CC_VERSION_TEXT differs, e.g. gcc-12's tree and CC=gcc-11) would
# prompt for the new compiler's options on the next make; settle them with
# olddefconfig first.  Prints one line when it does so.
scratch_reconfigure() {
	local s=$1 cc=$2 log=$3 text cctext
	cctext=$(LC_ALL=C "$cc" --version 2>/dev/null | head -1)
	text=$(sed -n 's/^CONFIG_CC_VERSION_TEXT="\(.*\)"$/\1/p' "$s/.config")
	[ "$text" = "$cctext" ] && return 0
	echo "      (tree configured for '$text'; olddefconfig for '$cctext')"
	(cd "$s" && make CC="$cc" HOSTCC="$cc" olddefconfig) </dev/null >"$log" 2>&1
}
