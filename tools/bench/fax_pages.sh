#!/usr/bin/env bash
# Time per fax page, shoebox against bare Tesseract, side by side in one run, three rounds
# alternating (medians quoted), one process and one thread each; then both's word recall.
#   tools/bench/fax_pages.sh SET_DIR   (a set from build/samplegen with --modes fax; installs the
#                                       tesseract command from Debian if missing)
# Prints Markdown for docs/BENCHMARKS.md.
set -euo pipefail
set_dir=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build"
today=$(sed -n 's/.*"today": "\([0-9-]*\)".*/\1/p' "$set_dir/episodes.json")
if ! command -v tesseract >/dev/null; then
  sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends tesseract-ocr >/dev/null
fi
export OMP_THREAD_LIMIT=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/inbox" "$work/tesseract"
cp "$set_dir"/inbox/*-fax.* "$work/inbox/"
pages=$(cat "$set_dir"/truth/*-fax.json | grep -c '"number"' || true)
files=$(ls "$work/inbox" | wc -l)

seconds() { awk -v start="$1" -v now="$(date +%s.%N)" 'BEGIN {printf "%.2f\n", now - start}'; }
shoebox_round() {
  rm -f "$work"/db*
  local start; start=$(date +%s.%N)
  "$build/shoebox" --db "$work/db" scan "$work/inbox" --jobs 1 --today "$today" >/dev/null 2>&1 || true
  seconds "$start"
}
tesseract_round() {
  local start; start=$(date +%s.%N)
  for file in "$work"/inbox/*; do
    tesseract "$file" stdout 2>/dev/null > "$work/tesseract/$(basename "${file%.*}").txt" || true
  done
  seconds "$start"
}
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR + 1) / 2)]}'; }
ours=(); theirs=()
for round in 1 2 3; do
  ours+=("$(shoebox_round)")
  theirs+=("$(tesseract_round)")
done
ours_median=$(printf '%s\n' "${ours[@]}" | median)
theirs_median=$(printf '%s\n' "${theirs[@]}" | median)
"$build/shoebox" --db "$work/db" export --json --out "$work/export.json" >/dev/null
# The column headed "words", wherever eval's table puts it.
ours_words=$("$build/eval" --set "$set_dir" --export "$work/export.json" |
             awk '$1 == "slice" {for (i = 1; i <= NF; ++i) if ($i == "words") c = i} $1 == "fax" && !done {print $c; done = 1}')
theirs_words=$("$build/eval" --set "$set_dir" --text "$work/tesseract" 2>/dev/null | awk '$1 == "fax" && !done {print $NF; done = 1}')
per_page() { awk -v s="$1" -v p="$pages" 'BEGIN {printf "%.2f", s / p}'; }
echo "| | files | pages | median s (rounds) | s a page | word recall |"
echo "|---|---|---|---|---|---|"
echo "| shoebox scan --jobs 1 | $files | $pages | $ours_median (${ours[*]}) | $(per_page "$ours_median") | $ours_words |"
echo "| tesseract FILE stdout | $files | $pages | $theirs_median (${theirs[*]}) | $(per_page "$theirs_median") | $theirs_words |"
awk -v a="$ours_median" -v b="$theirs_median" 'BEGIN {printf "ratio shoebox / tesseract: %.2f\n", a / b}'
