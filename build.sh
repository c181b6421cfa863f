#!/usr/bin/env bash
# Set-up and the two everyday jobs, on a fresh Debian machine or an old one:
#   ./build.sh samples   install what is missing, build, scan samples/inbox and show what was found
#   ./build.sh test      install what is missing, build, run the whole test suite (what CI runs)
# Needs root or sudo only when a Debian package is missing.
set -euo pipefail
cd "$(dirname "$0")"

# Runtime engines, their headers, the build tools, fonts for the sample generator, the test framework,
# and Chromium, in which a test opens the HTML report.
PACKAGES=(
  build-essential cmake pkg-config ccache git
  libtesseract-dev libleptonica-dev tesseract-ocr-eng tesseract-ocr-osd
  libpoppler-cpp-dev libpoppler-private-dev libsqlite3-dev nettle-dev libheif-dev
  libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev
  libcairo2-dev libpango1.0-dev fonts-dejavu-core fonts-liberation2
  nlohmann-json3-dev libgtest-dev
  chromium
)

install_missing() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing: ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build -j "$(nproc)"
}

case "${1:-}" in
  samples)
    install_missing
    build
    db=build/samples.db
    rm -f "$db" "$db-wal" "$db-shm"
    # The samples were "opened" on the day samples/episodes.json names: deadlines count from it.
    today=$(sed -n 's/.*"today": "\([0-9-]*\)".*/\1/p' samples/episodes.json)
    ./build/shoebox --db "$db" scan samples/inbox --today "$today"
    echo
    ./build/shoebox --db "$db" query \
      "SELECT s.path AS file, d.kind, round(d.kind_confidence, 2) AS confidence,
              (SELECT count(*) FROM fields f WHERE f.document_id = d.id) AS fields
       FROM documents d JOIN sources s ON s.id = d.source_id ORDER BY s.path"
    echo
    ./build/shoebox --db "$db" findings --today "$today"
    echo "database: $db   (try: ./build/shoebox --db $db export --json)"
    ;;
  test)
    install_missing
    build
    # Third-party check files (../shared/data) are used where present; their tests say SKIPPED otherwise.
    data="${SHOEBOX_TEST_DATA:-../shared/data}"
    if [ -d "$data" ]; then export SHOEBOX_TEST_DATA="$(cd "$data" && pwd)"; else unset SHOEBOX_TEST_DATA; fi
    ctest --test-dir build --output-on-failure -j "$(nproc)"
    ;;
  *)
    echo "usage: ./build.sh samples | test" >&2
    exit 1
    ;;
esac
