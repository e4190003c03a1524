#!/usr/bin/env bash
# Installs the Debian packages named as arguments, but only those missing, so that a second
# run is one dpkg-query and never touches the network (`apt-get update` is the slow part).
set -euo pipefail

if ! command -v dpkg-query >/dev/null; then
    echo "install-system-packages.sh: not Debian; install by hand: $*" >&2
    exit 0
fi

missing=()
for pkg in "$@"; do
    [[ $(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null) == ii* ]] || missing+=("$pkg")
done
((${#missing[@]})) || exit 0

if ((EUID == 0)); then
    sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo=(sudo)
else
    echo "Missing Debian packages; run: sudo apt-get install ${missing[*]}" >&2
    exit 1
fi
echo "Installing ${missing[*]}" >&2
# The lock timeout waits out an apt run that is already going instead of failing.
apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -y -q)
"${apt[@]}" update
"${apt[@]}" install "${missing[@]}"
