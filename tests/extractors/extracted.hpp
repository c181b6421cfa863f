// A document of one kind read from words placed by hand (tests/placed_words.hpp), for the
// understanding tests.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/extract.hpp"
#include "pipeline/core/figures.hpp"
#include "tests/placed_words.hpp"

namespace shoebox::testing {

inline Document Extracted(DocumentKind kind, const std::vector<std::vector<Word>>& rows) {
  Document document;
  document.kind = kind;
  extractors::Extract(Lines(rows), document);
  return document;
}

// A field's text as read, or "(not read)".
inline std::string TextRead(const Document& document, const std::string& name) {
  const Field* field = FindField(document, name);
  return field == nullptr ? "(not read)" : field->text;
}

// A claim's or a line's figures as read (`of` is &ClaimFigure::of_claim or of_line) against those
// expected, by name ("billed_cents"); figures not named are not checked.
template <typename Holder>
void ExpectFigures(const Holder& holder, std::optional<Cents> Holder::*ClaimFigure::*of,
                   const std::map<std::string_view, Cents>& expected) {
  size_t checked = 0;
  for (const ClaimFigure& figure : kClaimFigures) {
    auto it = expected.find(figure.name);
    if (it == expected.end()) continue;
    EXPECT_EQ(holder.*(figure.*of), it->second) << figure.name;
    ++checked;
  }
  EXPECT_EQ(checked, expected.size()) << "a name that is no claim figure";
}

}  // namespace shoebox::testing
