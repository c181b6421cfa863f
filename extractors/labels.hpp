// The label dictionary (extractors/labels.tsv, compiled in): synonyms → canonical field names, read
// through the words of extractors/label_words.tsv (abbreviations, and the small words a label may
// carry or leave out).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace shoebox::extractors {

struct Label {
  std::string scope;                // bill | eob | claim | collection_letter | bill_column | claim_column | …
  std::string field;                // export name, e.g. "amount_due_cents"
  std::string as_printed;           // the dictionary's wording, lowercase ("date of service"), for read_by
  std::vector<std::string> tokens;  // LabelWord() of each printed word, fillers left out (see in_order)
  // A label that is one word and fillers ("Pay By", "As of") keeps them and is matched word for
  // word; any other is matched in any order with fillers skipped ("Date of Service" = "Service Date").
  bool in_order = false;
  // A column's one-word heading taken as a claim's label ("Approved"): its value must follow it on
  // its line, for under a heading of one word stands a column of lines, not the claim's value.
  bool beside_only = false;
};

// A printed word as labels are matched: LabelToken (lowercase, no punctuation around), a plural's
// -s dropped, then the word label_words.tsv reads it as ("Amt" → "amount", "#" → "number",
// "Payments" → "paid").
std::string LabelWord(std::string_view printed);

// Whether a LabelWord is a filler of label_words.tsv ("of", "the", "by").
bool IsFiller(const std::string& word);

// A text that is itself a label, of any scope ("PATIENT", "Claim Number", "Sve Dt" where OCR
// misread "Svc Dt"): no name is one.
bool IsALabel(const std::string& text);

// The words of a scope's labels (of every scope's where `scope` is empty), gathered once per scope
// (thread-safe).
const std::set<std::string>& LabelWordsOf(std::string_view scope);

// Whether a LabelWord is a word of some label, and whether every word of `text` is one (a column
// header's "Copay Responsibility": no person is named so).
bool IsLabelWord(const std::string& token);
bool AllLabelWords(const std::string& text);

// Parses the TSV text; comment lines (#) and blank lines are skipped; malformed rows are ignored.
std::vector<Label> ParseLabels(std::string_view tsv);

// The compiled-in dictionary, parsed once (thread-safe).
const std::vector<Label>& Labels();

// The labels of one scope, longest first (stable within a length, so earlier rows still win):
// "Patient Account Number" claims its words before "Patient" can. Built once per scope.
const std::vector<const Label*>& LabelsLongestFirst(std::string_view scope);

// Whether printed[at, at + label.size()) reads as the label's words, in order. Exact, or with
// `tolerant` allowing what OCR does to small or shaded type: a word of six letters or more may
// differ by one letter ("Deductibie"), a shorter one of three letters or more only beside a word
// of the same label read exactly ("You Gwe", "Pian Paid"), and one shorter still only by a thin
// stroke read for another ("Member 1D"). Phrases of the kinds table are matched by it as they are.
bool LabelWordsAt(const std::vector<std::string>& printed, size_t at, const std::vector<std::string>& label,
                  bool tolerant);

// How strictly a label is matched, strictest first; readers try each in turn over all labels, so a
// label read as printed wins over one read out of order ("Your" of a "Your Share" column read with
// "Plan Paid" beside it as "Your Plan Paid"), and both over one read with a slip.
enum class LabelMatch { kInOrder, kAnyOrder, kTolerant };
constexpr LabelMatch kLabelMatches[] = {LabelMatch::kInOrder, LabelMatch::kAnyOrder, LabelMatch::kTolerant};

// Where `label` read from printed[at] ends (one past its last word), or nothing. `printed` holds
// LabelWords; fillers between the label's words are passed over, printed[at] is one of its words.
// kAnyOrder takes its words in any order; kTolerant, in its order, allows LabelWordsAt's slips. An
// in_order label is matched word for word, fillers and all.
std::optional<size_t> LabelEndAt(const std::vector<std::string>& printed, size_t at, const Label& label, LabelMatch how);

}  // namespace shoebox::extractors
