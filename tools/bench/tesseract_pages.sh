#!/usr/bin/env bash
# Word recall on Tesseract's own test pages (two ISRI/UNLV business-letter scans, two clean pages,
# and turned copies of one), side by side: shoebox, the tesseract command, and
# ocrmypdf --deskew --rotate-pages --sidecar. Prints Markdown for docs/EVALUATION.md.
#   tools/bench/tesseract_pages.sh [DATA_DIR]   (default ../shared/data/tesseract-pages)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=$(cd "${1:-$root/../shared/data/tesseract-pages}" && pwd)
build="$root/build"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMP_THREAD_LIMIT=1

echo "| page | shoebox | turned by shoebox | tesseract command | ocrmypdf |"
echo "|---|---|---|---|---|"
for page in "$data"/*.tif "$data"/*.png; do
  name=$(basename "$page")
  stem=${name%.*}
  truth="$data/${stem%%-rotated*}.txt"
  [ -f "$truth" ] || truth="$data/${stem%rot}.txt"  # phototestrot.tif: the phototest page, turned
  [ -f "$truth" ] || continue
  db="$work/$stem.db"
  "$build/shoebox" --db "$db" scan --no-progress "$page" >/dev/null 2>&1 || true
  "$build/shoebox" --db "$db" export --json --out "$work/$stem.json"
  ours=$("$build/eval" --truth-text "$truth" --export "$work/$stem.json")
  turned=$("$build/shoebox" --db "$db" query "SELECT group_concat(rotation_degrees) FROM pages" --csv | tail -1)
  tesseract "$page" "$work/$stem-tesseract" >/dev/null 2>&1 || true
  theirs=$("$build/eval" --truth-text "$truth" --text-file "$work/$stem-tesseract.txt")
  ocrmypdf -q --deskew --rotate-pages --force-ocr --image-dpi 300 --sidecar "$work/$stem-ocrmypdf.txt" \
    --output-type pdf -j 1 "$page" "$work/$stem.pdf" >/dev/null 2>&1 || true
  [ -f "$work/$stem-ocrmypdf.txt" ] || : > "$work/$stem-ocrmypdf.txt"
  peer=$("$build/eval" --truth-text "$truth" --text-file "$work/$stem-ocrmypdf.txt")
  echo "| $name | $ours | ${turned}° | $theirs | $peer |"
done
