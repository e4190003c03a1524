#!/usr/bin/env bash
# Prints the path of a Python >= 3.12 to build the venvs with. Debian 12 ships 3.11, so on
# this machine the answer usually comes from pyenv's own folders, which CI has off PATH.
set -euo pipefail

pyenv_root=${PYENV_ROOT:-$HOME/.pyenv}
for py in python3.13 python3.12 "$pyenv_root"/versions/3.13*/bin/python3 \
    "$pyenv_root"/versions/3.12*/bin/python3 python3; do
    path=$(command -v "$py" 2>/dev/null) || continue
    # pyenv's shims are slow and fail for versions pyenv has not selected; the versions
    # behind them are tried directly above anyway.
    [[ $path == */shims/* ]] && continue
    # The real interpreter, not a symlink or wrapper, so the venv keeps working.
    if real=$("$path" -c 'import sys; assert sys.version_info >= (3, 12); print(sys.executable)' 2>/dev/null); then
        echo "$real"
        exit 0
    fi
done
echo "find-python.sh: no Python >= 3.12 found (install one, e.g. with pyenv)" >&2
exit 1
