# Shared by the scripts: a virtual environment in .venv with the project installed.
# Needs only Python 3.11+ and, on Debian, installs python3-venv itself when missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NO_MKDOCS_2_WARNING=1

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

if [ ! -x .venv/bin/python ]; then
  if ! python3 -m venv .venv 2>/dev/null; then
    rm -rf .venv
    echo "python3 -m venv failed; installing Debian's python3-venv" >&2
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
    python3 -m venv .venv
  fi
fi
PY=.venv/bin/python
