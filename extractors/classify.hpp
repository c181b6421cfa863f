// classify: a document's lines → its kind with a confidence in [0, 1], from the tell-tale phrases
// of each kind (DOMAIN.md §1), weighted; a page with no cue is `other`.
#pragma once

#include <string>
#include <vector>

#include "pipeline/core/page.hpp"

namespace shoebox::classify {

struct Classification {
  DocumentKind kind = DocumentKind::kOther;
  double confidence = 0;
  std::string form;  // a form of the kind (the kinds table's), or ""
};

Classification Classify(const std::vector<Line>& lines);

}  // namespace shoebox::classify
