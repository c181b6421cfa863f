// A document of one kind read from words placed by hand (tests/placed_words.hpp), for the
// understanding tests.
#pragma once

#include <vector>

#include "extractors/extract.hpp"
#include "tests/placed_words.hpp"

namespace shoebox::testing {

inline Document Extracted(DocumentKind kind, const std::vector<std::vector<Word>>& rows) {
  Document document;
  document.kind = kind;
  extractors::Extract(Lines(rows), document);
  return document;
}

}  // namespace shoebox::testing
