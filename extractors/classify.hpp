// classify: a document's lines → its kind with a confidence in [0, 1], from the tell-tale phrases
// of each kind (DOMAIN.md §1), weighted; a page with no cue is `other`, and so is one worded as a
// kind without what that kind must be about (a bill that is not for medical care).
#pragma once

#include <string>
#include <vector>

#include "pipeline/core/page.hpp"

namespace shoebox::classify {

struct Classification {
  DocumentKind kind = DocumentKind::kOther;
  double confidence = 0;
  std::string form;  // a form of the kind (the kinds table's), or ""
  // The kind its wording names, whether or not the text is about what that kind must be: an
  // invoice for cloud services is worded as a bill and is `other` (kinds/kind.hpp, evidence).
  DocumentKind worded_as = DocumentKind::kOther;
};

Classification Classify(const std::vector<Line>& lines);

}  // namespace shoebox::classify
