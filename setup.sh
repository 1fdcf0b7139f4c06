#!/usr/bin/env bash
# setup.sh — make a fresh Debian 12 machine ready and build budgetx into build/.
# Idempotent: packages already installed are not fetched again (apt-get update
# runs only when one is missing), and the build is incremental.
# Run as root, or as a user with sudo.
#
#   ./setup.sh          packages, then build/ (budgetx and the tests)
#   ./setup.sh --fuzz   also the compiler of the fuzz targets (fuzz/run.sh)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"

packages=(
  # At run time: Poppler maps the text of PDFs whose CJK fonts are not
  # embedded through poppler-data's CMaps (without it they read as "no
  # text").  It is only a Recommends of libpoppler, and apt-get below
  # installs no recommends, so it is named here.
  poppler-data
  # To build.
  build-essential cmake pkg-config
  libpoppler-private-dev libicu-dev libre2-dev
  nlohmann-json3-dev libgtest-dev libgmock-dev libcli11-dev
  # For the tests: schema validation, and pdftotext for the real-corpus test.
  python3 python3-jsonschema poppler-utils
  libsqlite3-dev sqlite3 libssl-dev libcsv-dev slurm-wlm munge
)
if [ "${1:-}" = "--fuzz" ]; then
  packages+=(clang-14 libclang-rt-14-dev)
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  as_root=()
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && [ "${#as_root[@]}" -eq 0 ]; then
    echo "setup.sh: missing packages (${missing[*]}) and neither root nor sudo to install them" >&2
    exit 1
  fi
  echo "setup.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2
