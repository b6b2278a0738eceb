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

# Debian's packages for the PDFs (WeasyPrint, from PyPI with the project): Pango and
# HarfBuzz lay out the text, and the fonts that pdf.css names are embedded in every PDF.
PDF_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation fonts-dejavu-core)

# Install those of the named Debian packages that are missing: `install_debian "what
# for" package...`. With CI set a failure stops the script; on a laptop it warns.
install_debian() {
  local purpose="$1" missing=() package
  shift
  command -v dpkg-query >/dev/null || { echo "warning: not Debian; install $* for $purpose yourself" >&2; return 0; }
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian's ${missing[*]} for $purpose" >&2
  if ! { as_root apt-get update -qq \
      && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; }; then
    if [ -n "${CI:-}" ]; then
      echo "error: ${missing[*]} could not be installed, and CI needs $purpose" >&2
      exit 1
    fi
    echo "warning: ${missing[*]} could not be installed; $purpose will FAIL" >&2
  fi
}
