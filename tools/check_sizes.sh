#!/usr/bin/env bash
# The size limits of docs/ARCHITECTURE.md, checked on the sources: no file over 600 lines, and no
# function over 80 lines unless the comment above it says why ("// Long because …"). Functions are
# found by their braces where declarations stand: at file level, in a namespace or in a class body
# (strings, characters and comments left out). Prints each breach as FILE:LINE: what, and exits 1
# if there is one.
#   tools/check_sizes.sh [SOURCE_DIR]
set -uo pipefail
cd "${1:-$(dirname "$0")/..}"

files=${SIZES_FILES:-}
[ -n "$files" ] || files=$(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find pipeline extractors cli tools tests -name '*.[ch]pp')

awk -v max_file=600 -v max_function=${MAX_FUNCTION:-80} '
  BEGIN { max_file += 0; max_function += 0 }
  FNR == 1 {
    if (NR > 1) finish_file()
    depth = 0; in_block_comment = 0; reason = 0; previous_comment = 0
    signature_start = 0; last_code = ""
  }
  function finish_file() {
    if (depth != 0) { printf "%s: braces do not balance as this check reads them (depth %d at the end)\n", file, depth; breaches++ }
    if (lines > max_file) { printf "%s: %d lines (over %d)\n", file, lines, max_file; breaches++ }
  }
  {
    file = FILENAME; lines = FNR
    code = $0
    # Leave out what cannot hold a structural brace: comments, strings, characters.
    if (in_block_comment) {
      if (index(code, "*/") == 0) next
      sub(/^.*\*\//, "", code); in_block_comment = 0
    }
    gsub(/\/\*[^*]*\*+([^\/*][^*]*\*+)*\//, "", code)
    if (match(code, /\/\*/)) { code = substr(code, 1, RSTART - 1); in_block_comment = 1 }
    gsub(/\\\\/, "", code); gsub(/\\"/, "", code); gsub(/"[^"]*"/, "\"\"", code)
    gsub(/'\''[^'\'']*'\''/, "0", code)
    sub(/\/\/.*$/, "", code)

    # Where declarations stand: at file level, in a namespace or in a class body. A brace opened
    # there starts a function unless it opens a namespace, a type or an initializer.
    at_declarations = (depth == 0 || kind[depth] == "namespace" || kind[depth] == "type")
    is_comment = ($0 ~ /^[ \t]*\/\//)
    if (at_declarations) {
      if (is_comment) {
        if (!previous_comment) reason = 0
        if ($0 ~ /Long because/) reason = 1
        previous_comment = 1
      } else if (code ~ /^[ \t]*$/ || code ~ /^[ \t]*#/ || code ~ /^[ \t]*namespace[^;]*\{[ \t]*$/ ||
                 code ~ /^[ \t]*\}[ \t;]*$/ || code ~ /^[ \t]*(public|private|protected):[ \t]*$/) {
        reason = 0; previous_comment = 0; signature_start = 0
      } else {
        previous_comment = 0
        if (signature_start == 0) { signature_start = FNR; signature_reason = reason }
      }
    }

    for (i = 1; i <= length(code); i++) {
      c = substr(code, i, 1)
      if (c == "{") {
        opens = "block"
        if (depth == 0 || kind[depth] == "namespace" || kind[depth] == "type") {
          head = substr(code, 1, i)
          if (head ~ /^[ \t]*(namespace|extern)[^;]*\{$/ || head ~ /namespace[ \t]*\{$/) {
            opens = "namespace"
          } else if (head ~ /(^|[ \t])(struct|class|enum|union)[ \t]/) {
            opens = "type"
          } else if (head ~ /=[ \t]*\{$/ || head ~ /^[ \t]*\{$/ && last_code ~ /=[ \t]*$/ || head ~ /[A-Za-z0-9_>][ \t]*\{$/ && head !~ /\)/) {
            opens = "initializer"
          } else {
            opens = "function"
            start[depth + 1] = signature_start ? signature_start : FNR
            excused[depth + 1] = signature_reason
          }
          signature_start = 0; reason = 0
        }
        kind[++depth] = opens
      } else if (c == "}") {
        if (depth == 0) continue
        if (kind[depth] == "function") {
          length_lines = FNR - start[depth] + 1
          if (length_lines > max_function && !excused[depth]) {
            printf "%s:%d: function of %d lines (over %d, and no \"Long because\" above it)\n", file, start[depth], length_lines, max_function
            breaches++
          }
        }
        depth--
        signature_start = 0
      } else if (c == ";" && (depth == 0 || kind[depth] == "namespace" || kind[depth] == "type")) {
        signature_start = 0
      }
    }
    if (code !~ /^[ \t]*$/) last_code = code
  }
  END {
    finish_file()
    if (breaches > 0) { printf "check_sizes: %d breach(es)\n", breaches; exit 1 }
    print "check_sizes: no file over " max_file " lines, no function over " max_function " without a reason"
  }
' $files

