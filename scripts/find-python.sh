#!/usr/bin/env bash
# Prints the path of a Python >= 3.12 to build the venvs with. Debian 12 ships 3.11, so on
# this machine the answer usually comes from pyenv, which is not on PATH in CI.
set -euo pipefail

ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; }

for py in python3.13 python3.12 \
    /root/.pyenv/versions/3.13*/bin/python3 /root/.pyenv/versions/3.12*/bin/python3 \
    "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[23]*/bin/python3 python3; do
    path=$(command -v "$py" 2>/dev/null) || continue
    if ok "$path"; then
        echo "$path"
        exit 0
    fi
done
echo "find-python.sh: no Python >= 3.12 found (install one, e.g. with pyenv)" >&2
exit 1
