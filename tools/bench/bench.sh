#!/usr/bin/env bash
# Speed, memory and word recall side by side, in one run on the same generated files, by render mode:
#   shoebox scan (two jobs)                       wall time, pages per minute, peak resident memory
#   tesseract on shoebox's own prepared pages     recognition alone: the floor shoebox is held to
#   the same, its OpenMP regions run inline       as shoebox runs them (pipeline/reading/tesseract_openmp_inline.cpp,
#                                                 preloaded): what is left is shoebox's own work
#                                                 (these three alternate, three rounds; medians quoted)
#   the tesseract command on the files            (PDFs rendered at 300 dpi with pdftoppm first)
#   ocrmypdf --deskew --rotate-pages --sidecar    the same files
# then shoebox's peak memory on 100 and on 5,000 born-digital files (is it flat?).
#   tools/bench/bench.sh SET_DIR [OUT_DIR]   (SET_DIR from build/samplegen; needs tesseract, pdftoppm,
#                                             ocrmypdf and GNU time from Debian: installed if missing)
# Prints Markdown for docs/BENCHMARKS.md.
set -euo pipefail
set_dir=$(cd "$1" && pwd)
out=${2:-$(mktemp -d)}
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build"
shoebox="$build/shoebox"
today=$(sed -n 's/.*"today": "\([0-9-]*\)".*/\1/p' "$set_dir/episodes.json")

missing=()
command -v ocrmypdf >/dev/null || missing+=(ocrmypdf)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v tesseract >/dev/null || missing+=(tesseract-ocr)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cores=$(getconf _NPROCESSORS_ONLN)  # read before OMP_THREAD_LIMIT, which nproc would obey
export OMP_THREAD_LIMIT=1  # every tool one thread per process; parallelism is by files, as shoebox's
rm -rf "$out"/{files,prepared,tesseract,ocrmypdf,tmp,db,memory}
mkdir -p "$out"/{files,prepared,tesseract,ocrmypdf,tmp,db,memory}

# "seconds peak_MB" of a command (GNU time: the largest resident set of it or any child it waited for).
timed() {
  /usr/bin/time -f "%e %M" -o "$out/tmp/time" "$@" >/dev/null 2>&1 || true
  awk '{printf "%.2f %.0f\n", $1, $2 / 1024}' "$out/tmp/time"
}

tesseract_one() {  # one file through the tesseract command, text to $out/tesseract/MODE/STEM.txt
  local file=$1 mode=$2 stem work
  stem=$(basename "${file%.*}")
  work=$(mktemp -d -p "$out/tmp")
  if [[ $file == *.pdf ]]; then
    pdftoppm -r 300 -gray -tiff "$file" "$work/page"
    for page in "$work"/page*.tif; do tesseract "$page" stdout 2>/dev/null; done > "$out/tesseract/$mode/$stem.txt"
  else
    tesseract "$file" stdout 2>/dev/null > "$out/tesseract/$mode/$stem.txt"
  fi
  rm -rf "$work"
}
ocrmypdf_one() {
  local file=$1 mode=$2 stem dpi=()
  stem=$(basename "${file%.*}")
  [[ $file == *.pdf ]] || dpi=(--image-dpi 200)
  ocrmypdf -q --deskew --rotate-pages --force-ocr "${dpi[@]}" --sidecar "$out/ocrmypdf/$mode/$stem.txt" \
    --output-type pdf -j 1 "$file" "$out/tmp/$stem.pdf" 2>/dev/null || true
  rm -f "$out/tmp/$stem.pdf"
}
export -f tesseract_one ocrmypdf_one
export out

# shoebox runs Tesseract's OpenMP regions on the calling thread; the same definitions, preloaded into
# the tesseract command, give the floor without libgomp's cost per region.
g++ -O2 -shared -fPIC -o "$out/tmp/openmp_inline.so" "$root/pipeline/reading/tesseract_openmp_inline.cpp"

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# Shoebox and the two floors alternate, three rounds each: this machine is shared, and a ratio is
# only as good as the times behind it were taken side by side. Medians are quoted.
rounds=3
echo "| mode | files | pages | shoebox s | pages/min | peak MB | tesseract on prepared pages s | shoebox ÷ that | the ${rounds} rounds' ratios | the same, regions inline s | shoebox ÷ that | tesseract command s | peak MB | ocrmypdf s | peak MB | ocrmypdf ÷ shoebox | prepare ÷ recognise |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for mode in born_digital scan photo fax; do
  mkdir -p "$out/files/$mode" "$out/tesseract/$mode" "$out/ocrmypdf/$mode" "$out/prepared/$mode"
  find "$set_dir/inbox" -name "*-$mode.*" -exec ln -s {} "$out/files/$mode/" \;
  files=$(find "$out/files/$mode" -type l | wc -l)
  [ "$files" -gt 0 ] || continue
  ocr=true
  [ "$mode" = born_digital ] && ocr=false
  if $ocr; then
    # The pages exactly as shoebox hands them to Tesseract (an untimed run keeps them) and the ones
    # it recognises (blank pages skip recognition: sparse-text mode can spend minutes on the specks
    # of a blank scan).
    "$shoebox" --db "$out/tmp/prepared-$mode.db" scan "$out/files/$mode" --jobs "$cores" --no-progress \
      --keep-intermediates "$out/prepared/$mode" >/dev/null 2>&1 || true
    "$shoebox" --db "$out/tmp/prepared-$mode.db" query --csv \
      "SELECT s.path, p.number FROM pages p JOIN sources s ON s.id = p.source_id WHERE EXISTS (SELECT 1 FROM words w WHERE w.page_id = p.id)" |
      tail -n +2 | while IFS=, read -r path number; do
        echo "$out/prepared/$mode/$(basename "$path")-p$number-prepare.png"
      done | sort > "$out/tmp/list-$mode"
    split -n "r/$cores" "$out/tmp/list-$mode" "$out/tmp/list-$mode-part-"
  fi
  : > "$out/tmp/shoebox-$mode"; : > "$out/tmp/floor-$mode"; : > "$out/tmp/inline-$mode"; ratios=()
  for round in $(seq "$rounds"); do
    rm -f "$out/db/$mode.db" "$out/db/$mode.db-wal" "$out/db/$mode.db-shm"
    read -r seconds mb < <(timed "$shoebox" --db "$out/db/$mode.db" scan "$out/files/$mode" \
      --jobs "$cores" --no-progress --today "$today")
    echo "$seconds $mb" >> "$out/tmp/shoebox-$mode"
    $ocr || continue
    # One tesseract process per core, each reading its share of the pages from a list (the model
    # is loaded once per process, as in shoebox), sparse-text mode as shoebox uses.
    floor_command="ls $out/tmp/list-$mode-part-?? | xargs -P $cores -I{} tesseract {} {}.text --psm 11 -c debug_file=/dev/null"
    read -r floor _ < <(timed bash -c "$floor_command")
    echo "$floor" >> "$out/tmp/floor-$mode"
    read -r inline _ < <(timed env LD_PRELOAD="$out/tmp/openmp_inline.so" bash -c "$floor_command")
    echo "$inline" >> "$out/tmp/inline-$mode"
    ratios+=("$(awk "BEGIN{printf \"%.2f\", $seconds / $floor}")")
  done
  shoebox_s=$(awk '{print $1}' "$out/tmp/shoebox-$mode" | median)
  shoebox_mb=$(awk '{print $2}' "$out/tmp/shoebox-$mode" | sort -n | tail -1)
  pages=$("$shoebox" --db "$out/db/$mode.db" query "SELECT sum(page_count) FROM sources" --csv | tail -1)
  per_min=$(awk "BEGIN{printf \"%.0f\", $pages * 60 / $shoebox_s}")
  if ! $ocr; then
    echo "| $mode | $files | $pages | $shoebox_s | $per_min | $shoebox_mb | – | – | – | – | – | – | – | – | – | – | – |"
    continue
  fi
  split=$("$shoebox" --db "$out/db/$mode.db" query \
    "SELECT round(sum(prepare_ms) / sum(recognize_ms), 2) FROM pages WHERE recognize_ms > 0" --csv | tail -1)
  floor_s=$(median < "$out/tmp/floor-$mode")
  inline_s=$(median < "$out/tmp/inline-$mode")
  read -r tess_s tess_mb < <(timed bash -c "find $out/files/$mode -type l | sort | \
    xargs -P $cores -I{} bash -c 'tesseract_one \"\$(readlink -f {})\" $mode'")
  read -r ocrmypdf_s ocrmypdf_mb < <(timed bash -c "find $out/files/$mode -type l | sort | \
    xargs -P $cores -I{} bash -c 'ocrmypdf_one \"\$(readlink -f {})\" $mode'")
  ratio_floor=$(awk "BEGIN{printf \"%.2f\", $shoebox_s / $floor_s}")
  ratio_inline=$(awk "BEGIN{printf \"%.2f\", $shoebox_s / $inline_s}")
  ratio_ocrmypdf=$(awk "BEGIN{printf \"%.1f\", $ocrmypdf_s / $shoebox_s}")
  echo "| $mode | $files | $pages | $shoebox_s | $per_min | $shoebox_mb | $floor_s | $ratio_floor | ${ratios[*]} | $inline_s | $ratio_inline | $tess_s | $tess_mb | $ocrmypdf_s | $ocrmypdf_mb | $ratio_ocrmypdf | $split |"
done

echo
echo "Word recall against the truth text (tools/eval):"
echo
echo "| mode | shoebox | tesseract command | ocrmypdf |"
echo "|---|---|---|---|"
for mode in scan photo fax; do
  [ -f "$out/db/$mode.db" ] || continue
  "$shoebox" --db "$out/db/$mode.db" export --json --out "$out/tmp/$mode.json"
  # The column headed "words", wherever eval's table puts it.
  ours=$("$build/eval" --set "$set_dir" --export "$out/tmp/$mode.json" |
         awk -v m="$mode" '$1 == "slice" {for (i = 1; i <= NF; ++i) if ($i == "words") c = i} $1 == m {print $c}')
  theirs=$("$build/eval" --set "$set_dir" --text "$out/tesseract/$mode" 2>/dev/null | awk -v m="$mode" '$1 == m {print $NF}')
  ocrmypdf=$("$build/eval" --set "$set_dir" --text "$out/ocrmypdf/$mode" 2>/dev/null | awk -v m="$mode" '$1 == m {print $NF}')
  echo "| $mode | $ours | $theirs | $ocrmypdf |"
done

# Memory against batch size: born-digital statements copied with a PDF comment after the end, so
# every copy has bytes of its own.
echo
echo "| born-digital files | pages | shoebox s | pages/s | peak MB |"
echo "|---|---|---|---|---|"
mapfile -t born < <(find "$set_dir/inbox" -name '*-born_digital.pdf' | sort)
for count in 100 5000; do
  dir="$out/memory/$count"
  mkdir -p "$dir"
  for ((n = 0; n < count; n++)); do
    { cat "${born[n % ${#born[@]}]}"; echo "%copy $n"; } > "$dir/file-$n.pdf"
  done
  read -r seconds mb < <(timed "$shoebox" --db "$out/memory/$count.db" scan "$dir" --jobs "$cores" --no-progress --today "$today")
  pages=$("$shoebox" --db "$out/memory/$count.db" query "SELECT sum(page_count) FROM sources" --csv | tail -1)
  echo "| $count | $pages | $seconds | $(awk "BEGIN{printf \"%.0f\", $pages / $seconds}") | $mb |"
  rm -rf "$dir"
done
