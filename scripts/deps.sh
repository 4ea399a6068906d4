#!/bin/sh
# Install the Debian packages cpuidcheck needs, only those missing.
# Usage: scripts/deps.sh build|check|kernel|cocci|clang|browser|fuzz|series ...
set -e
pkgs=""
for want in "$@"; do
	case "$want" in
	build)	pkgs="$pkgs gcc g++ make gcc-12-plugin-dev" ;;
	gcc11)	pkgs="$pkgs gcc-11 g++-11 gcc-11-plugin-dev" ;;
	kernel)	pkgs="$pkgs flex bison bc libelf-dev libssl-dev xz-utils \
		linux-source-6.1 linux-source-6.12 python3" ;;
	cocci)	pkgs="$pkgs coccinelle" ;;
	# make LLVM=1: bookworm's clang 14 with its linker and binutils
	clang)	pkgs="$pkgs clang lld llvm" ;;
	sparse)	pkgs="$pkgs sparse" ;;
	json)	pkgs="$pkgs python3-jsonschema" ;;
	browser) pkgs="$pkgs chromium" ;;
	# clang with libFuzzer and its sanitizers (bookworm: clang 14)
	fuzz)	pkgs="$pkgs clang libclang-rt-dev" ;;
	# git send-email needs Mail::Address (a Recommends of git-email)
	series)	pkgs="$pkgs git git-email libmailtools-perl" ;;
	*)	echo "deps.sh: unknown package set '$want'" >&2; exit 2 ;;
	esac
done
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
		grep -q '^install ok installed$' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps.sh: installing$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing >/dev/null
