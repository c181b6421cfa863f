#!/usr/bin/env bash
# Side by side, in one run on the same files: shoebox, the tesseract command alone, and
# ocrmypdf --deskew --rotate-pages --sidecar. Word recall against the truth (tools/eval --text) and
# wall time, by render mode. Born-digital files are left out (no OCR is needed for them).
#   tools/bench/peers.sh SET_DIR [OUT_DIR]      (needs: tesseract, pdftoppm, ocrmypdf from Debian)
set -euo pipefail
set_dir=$(cd "$1" && pwd)
out=${2:-$(mktemp -d)}
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build"
mkdir -p "$out/tesseract" "$out/ocrmypdf" "$out/files" "$out/tmp"
cores=$(getconf _NPROCESSORS_ONLN)  # before OMP_THREAD_LIMIT, which nproc would obey
export OMP_THREAD_LIMIT=1  # every tool one thread per process; parallelism is by files, as shoebox does

now() { date +%s.%N; }
for file in "$set_dir"/inbox/*; do
  case "$file" in *born_digital*) continue ;; esac
  ln -sf "$file" "$out/files/"
done

# shoebox: scan (two jobs, the machine's cores) and export; its page text is scored by eval itself.
start=$(now)
"$build/shoebox" --db "$out/shoebox.db" scan --no-progress "$out/files" --today 2025-12-01 >/dev/null 2>&1 || true
shoebox_seconds=$(awk "BEGIN{print $(now) - $start}")
"$build/shoebox" --db "$out/shoebox.db" export --json --out "$out/shoebox.json"

# One file through the tesseract command: PDFs rendered at 300 dpi first, as shoebox renders them.
tesseract_one() {
  local file=$1 stem work
  stem=$(basename "${file%.*}")
  work=$(mktemp -d -p "$out/tmp")
  if [[ $file == *.pdf ]]; then
    pdftoppm -r 300 -gray -tiff "$file" "$work/page"
    for page in "$work"/page*.tif; do tesseract "$page" stdout 2>/dev/null; done > "$out/tesseract/$stem.txt"
  else
    tesseract "$file" stdout 2>/dev/null > "$out/tesseract/$stem.txt"
  fi
  rm -rf "$work"
}
ocrmypdf_one() {
  local file=$1 stem
  stem=$(basename "${file%.*}")
  local dpi=()
  [[ $file == *.pdf ]] || dpi=(--image-dpi 200)
  ocrmypdf -q --deskew --rotate-pages --force-ocr "${dpi[@]}" --sidecar "$out/ocrmypdf/$stem.txt" \
    --output-type pdf -j 1 "$file" "$out/tmp/$stem.pdf" 2>/dev/null || true
  rm -f "$out/tmp/$stem.pdf"
}
export -f tesseract_one ocrmypdf_one
export out

start=$(now)
find "$out/files" -type l | sort | xargs -P "$cores" -I{} bash -c 'tesseract_one "$(readlink -f {})"'
tesseract_seconds=$(awk "BEGIN{print $(now) - $start}")
start=$(now)
find "$out/files" -type l | sort | xargs -P "$cores" -I{} bash -c 'ocrmypdf_one "$(readlink -f {})"'
ocrmypdf_seconds=$(awk "BEGIN{print $(now) - $start}")

files=$(find "$out/files" -type l | wc -l)
echo "files: $files (scan, photo, fax; born-digital left out)"
printf 'wall seconds: shoebox %.1f   tesseract %.1f   ocrmypdf %.1f\n' "$shoebox_seconds" "$tesseract_seconds" "$ocrmypdf_seconds"
echo "--- word recall: shoebox"
"$build/eval" --set "$set_dir" --export "$out/shoebox.json" | awk 'NR==1 || /^(scan|photo|fax) /'
echo "--- word recall: tesseract command"
"$build/eval" --set "$set_dir" --text "$out/tesseract" 2>/dev/null
echo "--- word recall: ocrmypdf --deskew --rotate-pages --sidecar"
"$build/eval" --set "$set_dir" --text "$out/ocrmypdf" 2>/dev/null
