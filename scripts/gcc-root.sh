#!/bin/sh
# A Debian root with GCC N and its plugin headers, for building and testing
# the plugin with a GCC that bookworm does not ship.
#
# Usage: scripts/gcc-root.sh N        N = 13, 14 or 15
# Prints the root's path on stdout.
#
# The root is made with debootstrap (installed with apt-get when missing)
# from a Debian suite that ships gcc-N, g++-N and gcc-N-plugin-dev, in
# $CPUIDCHECK_CACHE/roots/ (default $XDG_CACHE_HOME/cpuidcheck, i.e.
# ~/.cache/cpuidcheck).  The host's apt sources are not touched: debootstrap
# and the root's own apt-get use the root's sources.list.  A root is built in
# a temporary directory beside its final place and renamed into place only
# when every package is installed, with a stamp naming its suite and
# packages; a root whose stamp matches is used as it is (a lock file keeps
# two builds of one root apart).  The mounts the installation needs (/proc,
# /dev) are made in a private mount namespace (unshare -m), so they vanish
# with it on every exit path.
#
# scripts/gcc-chroot.sh runs commands inside the root.
set -eu
prog=gcc-root.sh
die() { echo "$prog: $*" >&2; exit 2; }

n="${1:-}"
[ $# -eq 1 ] || die "usage: scripts/gcc-root.sh 13|14|15"
# The suite each GCC comes from: a released suite where it has the version
# (reproducible), sid for the newest.
case "$n" in
13|14)	suite=trixie ;;
15)	suite=sid ;;
11|12)	die "GCC $n is bookworm's own: scripts/deps.sh build (12) or gcc11 (11)" ;;
*)	die "no root for GCC '$n' (want 13, 14 or 15)" ;;
esac

# What the plugin's build, tests/run-cases, tests/kernel/run and
# bench/plugin-overhead need inside the root (the kernel build's own
# dependencies as in scripts/deps.sh kernel).
pkgs="gcc-$n g++-$n gcc-$n-plugin-dev make python3 patch diffutils gawk \
findutils flex bison bc libelf-dev libssl-dev perl xz-utils cpio kmod"
stamp="suite=$suite packages=$pkgs"

cache="${CPUIDCHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cpuidcheck}"
root="$cache/roots/gcc-$n-$suite"
if [ -f "$root/.cpuidcheck-root" ] &&
   [ "$(cat "$root/.cpuidcheck-root")" = "$stamp" ]; then
	echo "$root"
	exit 0
fi

[ "$(id -u)" -eq 0 ] || die "debootstrap and chroot need root"
for tool in unshare chroot mount flock; do
	command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not installed"
done
if ! command -v debootstrap >/dev/null 2>&1; then
	echo "$prog: installing debootstrap" >&2
	apt-get update -q >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends debootstrap >/dev/null ||
		die "cannot install debootstrap"
fi

mkdir -p "$cache/roots"
# One build of a root at a time; whoever waited may find it made.  Under
# the lock, a temporary root left by a killed build is removed.
exec 9>"$cache/roots/.gcc-$n.lock"
flock 9
if [ -f "$root/.cpuidcheck-root" ] &&
   [ "$(cat "$root/.cpuidcheck-root")" = "$stamp" ]; then
	echo "$root"
	exit 0
fi
for old in "$cache/roots/.tmp-gcc-$n."*; do
	if [ -e "$old" ]; then rm -rf --one-file-system "$old"; fi
done
tmp=$(mktemp -d "$cache/roots/.tmp-gcc-$n.XXXXXX") || die "cannot make a temp dir in $cache/roots"
log="$tmp.log"
# --one-file-system: never follow a mount that outlived its namespace.
trap 'rm -rf --one-file-system "$tmp"' EXIT
trap 'exit 130' INT TERM HUP

echo "$prog: debootstrap $suite into $tmp (log: $log)" >&2
debootstrap --variant=minbase "$suite" "$tmp" >"$log" 2>&1 ||
	die "debootstrap $suite failed; last lines of $log: $(tail -3 "$log" | tr '\n' ' ')"

echo "$prog: installing $pkgs" >&2
# A mirror may serve a suite whose Release file has outlived its Valid-Until
# (a frozen snapshot, a clock ahead of it): the signatures are still checked,
# only that date is not.  _apt cannot read a root made by root.
cat >"$tmp/etc/apt/apt.conf.d/99cpuidcheck" <<EOF
Acquire::Check-Valid-Until "false";
APT::Sandbox::User "root";
EOF
# The install runs in its own mount namespace: /proc and /dev are mounted
# there only and disappear when it ends, however it ends.
# shellcheck disable=SC2086
unshare --mount --propagation private -- \
	"$(cd "$(dirname "$0")" && pwd)/gcc-chroot.sh" --root "$tmp" --inside \
	env DEBIAN_FRONTEND=noninteractive sh -e -c \
	'apt-get update -q && apt-get install -y -q --no-install-recommends "$@" && apt-get clean' \
	apt-install $pkgs >>"$log" 2>&1 ||
	die "installing gcc-$n in the $suite root failed; last lines of $log: $(tail -3 "$log" | tr '\n' ' ')"
for tool in "gcc-$n" "g++-$n"; do
	[ -x "$tmp/usr/bin/$tool" ] || die "the $suite root has no /usr/bin/$tool"
done
[ -d "$tmp/usr/lib/gcc/x86_64-linux-gnu/$n/plugin/include" ] ||
	die "the $suite root has no gcc-$n plugin headers"

echo "$stamp" >"$tmp/.cpuidcheck-root"
rm -rf --one-file-system "$root"
mv "$tmp" "$root"
trap - EXIT
rm -f "$log"
echo "$root"
