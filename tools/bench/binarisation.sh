#!/usr/bin/env bash
# Does binarising differently help recognition? Tesseract reads shoebox's own prepared pages (kept
# by tools/bench/bench.sh in OUT_DIR/prepared/MODE) with each of its binarisations
# (thresholding_method 0 Otsu, the default shoebox uses; 2 tiled Sauvola; 1 Sauvola on the whole
# page is left out: minutes a page), and tools/eval scores the word recall of each.
#   tools/bench/binarisation.sh SET_DIR OUT_DIR     (after tools/bench/bench.sh SET_DIR OUT_DIR)
set -euo pipefail
set_dir=$(cd "$1" && pwd)
out=$(cd "$2" && pwd)
build="$(cd "$(dirname "$0")/../.." && pwd)/build"
export OMP_THREAD_LIMIT=1
echo "| mode | Otsu (0) | tiled Sauvola (2) |"
echo "|---|---|---|"
for mode in scan photo fax; do
  row="| $mode"
  for method in 0 2; do
    text="$out/binarisation/$mode-$method"
    rm -rf "$text" && mkdir -p "$text"
    for page in "$out/prepared/$mode"/*-prepare.png; do
      name=$(basename "$page")
      tesseract "$page" - --psm 11 -c thresholding_method="$method" 2>/dev/null >> "$text/${name%%.*}.txt" || true  # a blank page reads as nothing
    done
    row="$row | $("$build/eval" --set "$set_dir" --text "$text" 2>/dev/null | awk -v m="$mode" '$1 == m {print $NF}')"
  done
  echo "$row |"
done
