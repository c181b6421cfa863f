// extract: a classified document's lines → its fields, line items, claims and arithmetic checks,
// by the one engine that reads every kind of the kinds table (extractors/kinds/): the kind's field
// readers in order, its tables, and its identities, checked and repaired (arithmetic.hpp). Every
// value keeps its page, box and confidence.
#pragma once

#include <string>
#include <vector>

#include "pipeline/core/page.hpp"

namespace shoebox::extractors {

// Fills document.fields, line_items, claims and checks for its kind from the document's lines
// (all pages). An `other` document is left as it is.
void Extract(const std::vector<Line>& lines, Document& document);

// What split needs of a page to tell where a document ends, read without extracting it: the
// account number or member ID the labels of its kind give ("" where none does), and whether it
// holds an itemized table or a part of one.
struct SplitCues {
  std::string identifier;
  bool itemized = false;
};
SplitCues ReadSplitCues(const std::vector<Line>& lines, DocumentKind kind);

}  // namespace shoebox::extractors
