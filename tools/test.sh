#!/usr/bin/env bash
# Installs everything the tests need and runs them: the system packages when they are missing
# (Debian's Chromium for the browser tests, poppler's pdftotext for the PDF report, pango and
# HarfBuzz-Subset for WeasyPrint; Debian's PostgreSQL server, which the store's tests start
# themselves in a temporary folder; never a downloaded browser), then the package with its test
# extra, then pytest.
# Run it inside a virtual environment; arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(chromium poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core postgresql)
# Debian keeps initdb and pg_ctl out of PATH, under /usr/lib/postgresql/VERSION/bin
have_initdb() { command -v initdb >/dev/null || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }
if ! command -v chromium >/dev/null || ! command -v pdftotext >/dev/null \
        || ! ldconfig -p | grep -q libpangoft2-1.0 || ! ldconfig -p | grep -q libharfbuzz-subset \
        || ! have_initdb; then
    if [ "$(id -u)" = 0 ]; then
        sudo=()
    elif command -v sudo >/dev/null; then
        sudo=(sudo)
    else
        echo "tools/test.sh: the tests need the Debian packages ${packages[*]}; install them as root" >&2
        exit 1
    fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${packages[@]}" >/dev/null
fi
python -m pip install --quiet '.[test]'
# bytecode written once (a sandbox may set PYTHONDONTWRITEBYTECODE: then every `advisor` the tests
# start would compile the package again), then the tests on every core (pytest-xdist)
python -m compileall -q advisor rules
python -m pytest -n auto --dist worksteal "$@"
