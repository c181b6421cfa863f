#!/usr/bin/env bash
# The layering of docs/ARCHITECTURE.md, checked on the sources: a file may include only its own
# layer and the layers named for it below, and SQL is written only in the store (pipeline/store/)
# and the migrations (schemas/). Prints each breach as FILE:LINE: what, and exits 1 if there is one.
#   tools/check_layers.sh [SOURCE_DIR]
set -uo pipefail
cd "${1:-$(dirname "$0")/..}"

# layer folder → the folders it may include (its own is always allowed).
declare -A MAY_INCLUDE=(
  [pipeline/core]=""
  [pipeline/reading]="pipeline/core"
  [extractors]="pipeline/core pipeline/reading"
  [pipeline/store]="pipeline/core"
  [pipeline/analysis]="pipeline/core pipeline/store"
  [pipeline/present]="pipeline/core pipeline/reading pipeline/store pipeline/analysis"
  [pipeline/app]="pipeline/core pipeline/reading extractors pipeline/store pipeline/analysis pipeline/present"
  [cli]="pipeline/core pipeline/reading extractors pipeline/store pipeline/analysis pipeline/present pipeline/app"
)

layer_of() {
  local path=$1 layer best=""
  for layer in "${!MAY_INCLUDE[@]}"; do
    if [[ $path == "$layer"/* && ${#layer} -gt ${#best} ]]; then best=$layer; fi
  done
  printf '%s' "$best"
}

breaches=0
while IFS= read -r file; do
  layer=$(layer_of "$file")
  if [ -z "$layer" ]; then
    echo "$file: in no layer (add its folder to tools/check_layers.sh and docs/ARCHITECTURE.md)"
    breaches=$((breaches + 1))
    continue
  fi
  while IFS=: read -r line included; do
    target=$(layer_of "$included")
    [ -z "$target" ] || [ "$target" = "$layer" ] && continue
    allowed=0
    for may in ${MAY_INCLUDE[$layer]}; do [ "$may" = "$target" ] && allowed=1; done
    if [ $allowed -eq 0 ]; then
      echo "$file:$line: $layer includes $included ($target is not below it)"
      breaches=$((breaches + 1))
    fi
  done < <(grep -n '^#include "' "$file" | sed 's/^\([0-9]*\):#include "\([^"]*\)".*/\1:\2/')
done < <(git ls-files 'pipeline/*.cpp' 'pipeline/*.hpp' 'extractors/*.cpp' 'extractors/*.hpp' 'cli/*.cpp' 'cli/*.hpp' 2>/dev/null ||
         find pipeline extractors cli -name '*.[ch]pp')

# SQL outside the store: a string literal that opens with an SQL statement's keyword.
sql='"[[:space:]]*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|BEGIN|COMMIT|WITH)[[:space:]]'
while IFS= read -r hit; do
  echo "$hit: SQL outside pipeline/store/"
  breaches=$((breaches + 1))
done < <(grep -nE "$sql" $(git ls-files 'pipeline/*.cpp' 'pipeline/*.hpp' 'extractors/*.cpp' 'cli/*.cpp') 2>/dev/null |
         grep -v '^pipeline/store/' | cut -d: -f1,2)

if [ $breaches -gt 0 ]; then
  echo "check_layers: $breaches breach(es)"
  exit 1
fi
echo "check_layers: every include points down; SQL only in pipeline/store/"
