#!/usr/bin/env bash
# Set-up and the two everyday jobs, on a fresh Debian machine or an old one:
#   ./build.sh samples   install what is missing, build, scan samples/inbox and show what was found
#   ./build.sh test      install what is missing, build, run the whole test suite (what CI runs)
#   ./build.sh sanitize  the same suite under AddressSanitizer and UndefinedBehaviorSanitizer, then a
#                        bounded run of each libFuzzer target (CI runs it after test)
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
  nlohmann-json3-dev libcli11-dev libgtest-dev groff-base
  chromium
)
# The sanitizer and fuzz job's compiler: clang, with libFuzzer in its runtime.
SANITIZE_PACKAGES=(clang-14 libclang-rt-14-dev)

install_missing() {
  local missing=()
  for package in "${PACKAGES[@]}" "$@"; do
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
  sanitize)
    install_missing "${SANITIZE_PACKAGES[@]}"
    # -O1 with assertions on: sanitizer reports with readable stacks, at a cost tests can bear.
    cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
          -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 -DSHOEBOX_SANITIZE=ON -DSHOEBOX_FUZZ=ON >/dev/null
    cmake --build build-sanitize -j "$(nproc)"
    data="${SHOEBOX_TEST_DATA:-../shared/data}"
    if [ -d "$data" ]; then export SHOEBOX_TEST_DATA="$(cd "$data" && pwd)"; else unset SHOEBOX_TEST_DATA; fi
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
    export LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    # The evaluation is the same code on more pages: the suite covers it at a fraction of the time.
    ctest --test-dir build-sanitize --output-on-failure -j "$(nproc)" -E '^eval_'
    # Each target from its seeds (copied: libFuzzer adds what it finds to its first folder), for
    # SHOEBOX_FUZZ_SECONDS each (45 by default); a crash, leak or sanitizer report fails the job and
    # leaves its input in build-sanitize/fuzz/.
    seconds="${SHOEBOX_FUZZ_SECONDS:-45}"
    for target in values understanding fhir image_ingest pdf_ingest; do
      work=build-sanitize/fuzz/$target
      rm -rf "$work" && mkdir -p "$work" && cp tests/fuzz/corpus/$target/* "$work"/
      log=build-sanitize/fuzz/$target.log
      if ! ./build-sanitize/tests/fuzz/${target}_fuzz -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 \
          -max_len=65536 -print_final_stats=1 -artifact_prefix="build-sanitize/fuzz/$target-" "$work" >"$log" 2>&1; then
        tail -n 80 "$log"
        echo "fuzz target $target failed: its input is in build-sanitize/fuzz/" >&2
        exit 1
      fi
      echo "$target: $(sed -n 's/^stat::number_of_executed_units: *//p' "$log") runs in ${seconds} s, no report"
    done
    ;;
  *)
    echo "usage: ./build.sh samples | test | sanitize" >&2
    exit 1
    ;;
esac
