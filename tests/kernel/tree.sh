#!/bin/sh
# Fetch, unpack, configure and prepare a real kernel tree in the cache.
#
# Usage: tests/kernel/tree.sh 5.10|6.1|6.12|sid
# Prints the path of the prepared tree on stdout.  Trees are cached under
# $CPUIDCHECK_CACHE (default $XDG_CACHE_HOME/cpuidcheck, ~/.cache/cpuidcheck);
# a tree is built in a scratch directory and renamed into place only when
# `make prepare` succeeded, so the cache never holds half a tree.
#
# Configuration: x86_64 defconfig plus data/kvm.config (KVM and every
# option that adds a KVM unit).
#
# 6.1 and 6.12 come from Debian bookworm's linux-source-* packages; "sid" is
# sid's newest linux-source-7.*, and "5.10" bullseye-security's newest
# linux-source-5.10 (the 5.10 LTS), each fetched with a private apt list so
# the machine's own sources are left alone.
set -e
ver="$1"
cache="${CPUIDCHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cpuidcheck}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
mkdir -p "$cache/kernels"

die() { echo "tree.sh: $*" >&2; exit 2; }

# private_tool apt-get|apt-cache LIST ARGS...: the tool on a private apt
# list in $cache/LIST/ (the machine's sources are left alone); apt's
# temporary files go to /var/tmp when TMPDIR is not writable.
private_tool() {
	tool="$1" list="$2"
	shift 2
	"$tool" -o Dir::Etc::SourceList="$cache/$list/sources.list" \
		-o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$cache/$list/lists" \
		-o Dir::Cache="$cache/$list/cache" "$@"
}

# private_source LIST "DEB LINE" PREFIX: the newest PREFIX* linux-source
# tarball of that suite, downloaded once into $cache/LIST/dl and unpacked
# into $cache/LIST/x; prints the tarball's path.
private_source() {
	list="$1" line="$2" prefix="$3"
	if [ -z "$TMPDIR" ] || ! [ -w "$TMPDIR" ]; then
		[ -w /tmp ] || TMPDIR=/var/tmp
	fi
	export TMPDIR
	mkdir -p "$cache/$list/lists/partial" "$cache/$list/cache/archives/partial" "$cache/$list/dl"
	deb=$(ls "$cache/$list/dl/$prefix"*_all.deb 2>/dev/null | sort -V | tail -1)
	if [ -z "$deb" ]; then
		echo "$line" >"$cache/$list/sources.list"
		private_tool apt-get "$list" -q update >/dev/null 2>&1 ||
			die "cannot update $list's package list"
		pkg=$(private_tool apt-cache "$list" pkgnames "$prefix" | sort -V | tail -1)
		[ -n "$pkg" ] || die "$list has no $prefix* package"
		(cd "$cache/$list/dl" && private_tool apt-get "$list" -q download "$pkg" >/dev/null 2>&1) ||
			die "cannot download $pkg"
		deb=$(ls "$cache/$list/dl/$prefix"*_all.deb | sort -V | tail -1)
	fi
	rm -rf "$cache/$list/x"
	dpkg-deb -x "$deb" "$cache/$list/x"
	ls "$cache/$list/x/usr/src/$prefix"*.tar.xz | sort -V | tail -1
}

tarball() {
	case "$1" in
	6.1|6.12)
		"$here/scripts/deps.sh" kernel >&2
		echo "/usr/src/linux-source-$1.tar.xz" ;;
	5.10)
		private_source bullseye-security \
			"deb http://security.debian.org/debian-security bullseye-security main" \
			linux-source-5.10 ;;
	sid)
		private_source sid "deb http://deb.debian.org/debian sid main" \
			linux-source-7. ;;
	*)	die "unknown tree '$1' (want 5.10, 6.1, 6.12 or sid)" ;;
	esac
}

# The KVM options of the configuration (data/kvm.config); a tree prepared
# with other options is prepared again.
kvm_opts=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' -e 's/^/-e /' "$here/data/kvm.config" | tr '\n' ' ')
stamp="defconfig $kvm_opts"

# A sid tree is named after its real version, found once and remembered.
name="$ver"
[ "$ver" = sid ] && [ -f "$cache/kernels/sid.name" ] && name=$(cat "$cache/kernels/sid.name")
dest="$cache/kernels/linux-$name"
if [ -f "$dest/.cpuidcheck-prepared" ] &&
   [ "$(cat "$dest/.cpuidcheck-prepared")" = "$stamp" ]; then
	echo "$dest"
	exit 0
fi

"$here/scripts/deps.sh" kernel >&2
tb=$(tarball "$ver")
[ -f "$tb" ] || die "no source tarball for $ver"
if [ "$ver" = sid ]; then
	name=$(basename "$tb" .tar.xz | sed 's/^linux-source-//')
	dest="$cache/kernels/linux-$name"
fi
tmp="$cache/kernels/.tmp-$name.$$"
rm -rf "$tmp"
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
echo "tree.sh: unpacking $(basename "$tb")" >&2
tar -C "$tmp" -xf "$tb"
src=$(ls -d "$tmp"/linux-source-* | head -1)
cd "$src"
{
	make -s defconfig
	# shellcheck disable=SC2086
	scripts/config $kvm_opts
	make -s olddefconfig
	make -s -j"$(nproc)" prepare
} >&2 || die "configuring $name failed"
echo "$stamp" >.cpuidcheck-prepared
rm -rf "$dest"
mv "$src" "$dest"
[ "$ver" = sid ] && echo "$name" >"$cache/kernels/sid.name"
rm -rf "$cache/sid/x" "$cache/bullseye-security/x"
echo "$dest"
