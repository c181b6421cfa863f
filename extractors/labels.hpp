// The label dictionary (extractors/labels.tsv, compiled in): synonyms → canonical field names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace shoebox::extractors {

struct Label {
  std::string scope;                // bill | eob | claim | collection_letter
  std::string field;                // export name, e.g. "amount_due_cents"
  std::vector<std::string> tokens;  // LabelToken() of each printed word
};

// Parses the TSV text; comment lines (#) and blank lines are skipped; malformed rows are ignored.
std::vector<Label> ParseLabels(std::string_view tsv);

// The compiled-in dictionary, parsed once (thread-safe).
const std::vector<Label>& Labels();

// The labels of one scope, longest first (stable within a length, so earlier rows still win):
// "Patient Account Number" claims its words before "Patient" can. Built once per scope.
const std::vector<const Label*>& LabelsLongestFirst(std::string_view scope);

// Whether printed[at, at + label.size()) reads as the label's words. Exact, or with `tolerant`
// allowing what OCR does to small or shaded type: a word of six letters or more may differ by one
// letter ("Deductibie"), a shorter one of three letters or more only beside a word of the same
// label read exactly ("You Gwe", "Pian Paid"), and one shorter still only by a thin stroke read for
// another ("Member 1D").
bool LabelWordsAt(const std::vector<std::string>& printed, size_t at, const std::vector<std::string>& label,
                  bool tolerant);

}  // namespace shoebox::extractors
