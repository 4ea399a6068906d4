#!/bin/sh
# Run a command with GCC N from its Debian root (scripts/gcc-root.sh).
#
# Usage: scripts/gcc-chroot.sh N CMD [ARG...]
#
# CMD runs chrooted into the root, as root, in the current directory, with
# this repository and the kernel cache ($CPUIDCHECK_CACHE, default
# ~/.cache/cpuidcheck) bind-mounted at their own paths, so every path the
# host uses means the same inside.  TMPDIR points into the cache: the kernel
# tests hard-link scratch copies of the cached trees, and a hard link cannot
# cross from one mount to another.  Nothing else of the host is visible.
# All mounts are made in a private mount namespace (unshare -m) and vanish
# with it, on every exit path.  Exit status: CMD's, or 2 when the root
# cannot be had.
#
# (Internal: scripts/gcc-chroot.sh --root ROOT [--bind DIR]... --inside CMD
# does the mounting and the chroot; it is what runs inside the namespace.)
set -eu
prog=gcc-chroot.sh
die() { echo "$prog: $*" >&2; exit 2; }
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"

if [ "${1:-}" = --root ]; then
	[ $# -ge 2 ] || die "--root wants a directory"
	root=$2
	shift 2
	binds=""
	while [ "${1:-}" = --bind ]; do
		[ $# -ge 2 ] || die "--bind wants a directory"
		case "$2" in /*) ;; *) die "--bind wants an absolute path" ;; esac
		case "$2" in *[!A-Za-z0-9_./+-]*) die "unusual characters in '$2'" ;; esac
		binds="$binds $2"
		shift 2
	done
	[ "${1:-}" = --inside ] || die "internal use: --root ROOT [--bind DIR]... --inside CMD..."
	shift
	[ $# -gt 0 ] || die "no command"
	# Our namespace must not share mount events with the host's.
	[ "$(readlink /proc/self/ns/mnt)" != "$(readlink /proc/1/ns/mnt)" ] ||
		die "--inside is for a private mount namespace (unshare -m)"
	mounted=""
	undo() {
		for m in $mounted; do umount -l "$m" 2>/dev/null || true; done
	}
	trap undo EXIT
	trap 'exit 130' INT TERM HUP
	mount -t proc proc "$root/proc"
	mounted="$root/proc $mounted"
	mount --bind /dev "$root/dev"
	mounted="$root/dev $mounted"
	for b in $binds; do
		mkdir -p "$root$b"
		mount --bind "$b" "$root$b"
		mounted="$root$b $mounted"
	done
	[ -f /etc/resolv.conf ] && cp /etc/resolv.conf "$root/etc/resolv.conf"
	status=0
	chroot "$root" /usr/bin/env -i --chdir="${CHROOT_CWD:-/}" \
		PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
		CPUIDCHECK_CACHE="${CPUIDCHECK_CACHE:-}" TMPDIR="${TMPDIR:-/tmp}" \
		MAKEFLAGS="${MAKEFLAGS:-}" "$@" || status=$?
	exit $status
fi

[ $# -ge 2 ] || die "usage: scripts/gcc-chroot.sh 13|14|15 CMD [ARG...]"
n=$1
shift
top="$(cd "$(dirname "$0")/.." && pwd -P)"
root=$("$top/scripts/gcc-root.sh" "$n") || exit 2
cache="${CPUIDCHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cpuidcheck}"
mkdir -p "$cache"
cache=$(cd "$cache" && pwd -P)
cwd=$(pwd -P)
case "$cwd/" in
"$top"/*|"$cache"/*) ;;
*)	die "run it from inside $top or $cache (nothing else is mounted in the root)" ;;
esac
tmp="$cache/tmp/gcc-$n"
mkdir -p "$tmp"
CPUIDCHECK_CACHE=$cache TMPDIR=$tmp CHROOT_CWD=$cwd \
	exec unshare --mount --propagation private -- "$self" --root "$root" \
	--bind "$top" --bind "$cache" --inside "$@"
