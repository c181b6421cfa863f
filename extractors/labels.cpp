#include "extractors/labels.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <sstream>

#include "pipeline/core/text.hpp"
#include "pipeline/core/embedded_data.hpp"
#include "pipeline/core/figures.hpp"

namespace shoebox::extractors {

namespace {

struct WordForms {
  std::map<std::string, std::string, std::less<>> word_of_short;
  std::multimap<std::string, std::string, std::less<>> shorts_of_word;
  std::set<std::string, std::less<>> fillers;
};

WordForms ParseWordForms(std::string_view tsv) {
  WordForms forms;
  std::istringstream in{std::string(tsv)};
  for (std::string row; std::getline(in, row);) {
    if (row.empty() || row[0] == '#') continue;
    std::vector<std::string> columns;
    std::istringstream cells(row);
    for (std::string cell; std::getline(cells, cell, '\t');) columns.push_back(cell);
    if (columns.size() == 3 && columns[0] == "as") forms.word_of_short[LabelToken(columns[1])] = LabelToken(columns[2]);
    if (columns.size() == 2 && columns[0] == "filler") forms.fillers.insert(LabelToken(columns[1]));
  }
  for (const auto& [printed, word] : forms.word_of_short) forms.shorts_of_word.emplace(word, printed);
  return forms;
}

const WordForms& Forms() {
  static const WordForms kForms = ParseWordForms(embedded::LabelWords());
  return kForms;
}

// Whether `printed`, a word LabelWord left as it was, is one of `word`'s abbreviations of three
// letters or more with one letter misread ("Sve Dt" is "Svc Dt"). A word some label prints is read
// as itself: "Not Billed" is not "Tot Billed".
bool ASlippedShortForm(const std::string& printed, const std::string& word) {
  static const std::set<std::string, std::less<>> kLabelsWords = [] {
    std::set<std::string, std::less<>> words;
    for (const Label& label : Labels()) words.insert(label.tokens.begin(), label.tokens.end());
    return words;
  }();
  if (kLabelsWords.count(printed)) return false;
  auto [begin, end] = Forms().shorts_of_word.equal_range(word);
  return std::any_of(begin, end, [&](const auto& entry) {
    const std::string& short_form = entry.second;
    return short_form.size() >= 3 && short_form.size() == printed.size() && EditDistance(printed, short_form) == 1;
  });
}

// A short word with thin strokes read for an i ("1D", "lD"), as the label's word it then is:
// "Member 1D" is "Member ID", which labels read as "member number". Empty where it is no such word.
std::string ThinStrokesAsI(const std::string& printed) {
  auto thin = [](char c) { return c == '1' || c == 'l' || c == '|' || c == '!'; };
  if (printed.size() > 3 || !HasLetter(printed) || std::none_of(printed.begin(), printed.end(), thin)) return "";
  std::string mended = printed;
  std::replace_if(mended.begin(), mended.end(), thin, 'i');
  return Forms().word_of_short.count(mended) ? Forms().word_of_short.find(mended)->second : "";
}

}  // namespace

std::string LabelWord(std::string_view printed) {
  const auto& word_of = Forms().word_of_short;
  std::string token = LabelToken(printed);
  if (auto it = word_of.find(token); it != word_of.end()) token = it->second;
  // "Charges", "Dates", "Totals" as their singular; "status", "bonus", "analysis", "class" keep theirs.
  bool plural = token.size() >= 5 && token.ends_with('s') && !token.ends_with("ss") && !token.ends_with("us") &&
                !token.ends_with("is");
  if (plural) token.pop_back();
  if (auto it = word_of.find(token); it != word_of.end()) token = it->second;
  return token;
}

bool IsFiller(const std::string& word) { return Forms().fillers.count(word) > 0; }

std::vector<Label> ParseLabels(std::string_view tsv) {
  std::vector<Label> labels;
  std::istringstream in{std::string(tsv)};
  std::string row;
  while (std::getline(in, row)) {
    if (row.empty() || row[0] == '#') continue;
    size_t a = row.find('\t');
    size_t b = a == std::string::npos ? a : row.find('\t', a + 1);
    if (b == std::string::npos) continue;
    Label label{row.substr(0, a), row.substr(a + 1, b - a - 1), {}};
    std::istringstream words(row.substr(b + 1));
    std::vector<std::string> all;
    for (std::string word; words >> word;) {
      label.as_printed += (label.as_printed.empty() ? "" : " ") + LabelToken(word);
      all.push_back(LabelWord(word));
    }
    std::copy_if(all.begin(), all.end(), std::back_inserter(label.tokens), [](const std::string& w) { return !IsFiller(w); });
    if (label.tokens.size() < 2 && label.tokens.size() < all.size()) label.tokens = all, label.in_order = true;
    if (!label.tokens.empty()) labels.push_back(std::move(label));
  }
  return labels;
}

const std::vector<Label>& Labels() {
  static const std::vector<Label> kLabels = [] {
    std::vector<Label> labels = ParseLabels(embedded::LabelDictionary());
    // A claim's figure is worded alike whether it heads a column of lines or labels the claim's own
    // value ("Not Covered ..... $0.00"): the claim scope takes the column's wordings it lacks.
    std::set<std::pair<std::string, std::vector<std::string>>> claim_wordings;
    for (const Label& label : labels) {
      if (label.scope == "claim") claim_wordings.emplace(label.field, label.tokens);
    }
    size_t parsed = labels.size();
    for (size_t i = 0; i < parsed; ++i) {
      bool figure = std::any_of(kClaimFigures.begin(), kClaimFigures.end(),
                                [&](const ClaimFigure& f) { return f.name == labels[i].field; });
      if (labels[i].scope != "claim_column" || !figure) continue;
      if (!claim_wordings.emplace(labels[i].field, labels[i].tokens).second) continue;
      Label copy = labels[i];
      copy.scope = "claim";
      copy.beside_only = copy.tokens.size() == 1;
      labels.push_back(std::move(copy));
    }
    return labels;
  }();
  return kLabels;
}

const std::vector<const Label*>& LabelsLongestFirst(std::string_view scope) {
  static const std::map<std::string, std::vector<const Label*>, std::less<>> kByScope = [] {
    std::map<std::string, std::vector<const Label*>, std::less<>> by_scope;
    for (const Label& label : Labels()) by_scope[label.scope].push_back(&label);
    for (auto& [ignored, labels] : by_scope) {
      std::stable_sort(labels.begin(), labels.end(),
                       [](const Label* a, const Label* b) { return a->tokens.size() > b->tokens.size(); });
    }
    return by_scope;
  }();
  static const std::vector<const Label*> kNone;
  auto it = kByScope.find(scope);
  return it == kByScope.end() ? kNone : it->second;
}

bool LabelWordsAt(const std::vector<std::string>& printed, size_t at, const std::vector<std::string>& label,
                  bool tolerant) {
  if (at + label.size() > printed.size()) return false;
  size_t exact = 0;
  for (size_t k = 0; k < label.size(); ++k) exact += printed[at + k] == label[k] ? 1 : 0;
  if (exact == label.size()) return true;
  if (!tolerant) return false;
  for (size_t k = 0; k < label.size(); ++k) {
    const std::string& word = printed[at + k];
    if (word == label[k]) continue;
    bool beside_exact = exact > 0;
    if (beside_exact && (ASlippedShortForm(word, label[k]) || ThinStrokesAsI(word) == label[k])) continue;
    size_t shortest = beside_exact ? 3 : 6;
    // A short word beside an exact one may differ by one thin stroke read for another ("Member 1D:"
    // is "Member ID:"); any other slip in a word that short could be another word.
    if (label[k].size() < shortest) {
      if (!beside_exact || word.size() != label[k].size() || OcrSlips(word, label[k]) > 0.5) return false;
      continue;
    }
    if (EditDistance(word, label[k]) > 1) return false;
  }
  return true;
}

std::optional<size_t> LabelEndAt(const std::vector<std::string>& printed, size_t at, const Label& label, LabelMatch how) {
  bool tolerant = how == LabelMatch::kTolerant;
  if (label.in_order) {
    if (!LabelWordsAt(printed, at, label.tokens, tolerant)) return std::nullopt;
    return at + label.tokens.size();
  }
  if (at >= printed.size() || IsFiller(printed[at])) return std::nullopt;
  // The label's count of words from `at`, fillers between them passed over.
  std::vector<std::string> words;
  size_t end = at;
  for (; end < printed.size() && words.size() < label.tokens.size(); ++end) {
    if (!IsFiller(printed[end])) words.push_back(printed[end]);
  }
  if (words.size() < label.tokens.size()) return std::nullopt;
  bool match = how == LabelMatch::kAnyOrder ? std::is_permutation(words.begin(), words.end(), label.tokens.begin())
                                            : LabelWordsAt(words, 0, label.tokens, tolerant);
  return match ? std::optional<size_t>(end) : std::nullopt;
}

bool IsALabel(const std::string& text) {
  std::vector<std::string> tokens;
  std::istringstream words(text);
  for (std::string word; words >> word;) tokens.push_back(LabelWord(word));
  return std::any_of(Labels().begin(), Labels().end(), [&](const Label& label) {
    for (LabelMatch how : {LabelMatch::kAnyOrder, LabelMatch::kTolerant}) {
      auto end = LabelEndAt(tokens, 0, label, how);
      if (end && *end == tokens.size()) return true;
    }
    return false;
  });
}

const std::set<std::string>& LabelWordsOf(std::string_view scope) {
  static std::mutex mutex;
  static std::map<std::string, std::set<std::string>, std::less<>> words_of_scope;
  std::lock_guard lock(mutex);
  auto it = words_of_scope.find(scope);
  if (it != words_of_scope.end()) return it->second;
  std::set<std::string>& words = words_of_scope[std::string(scope)];
  for (const Label& label : Labels()) {
    if (scope.empty() || label.scope == scope) words.insert(label.tokens.begin(), label.tokens.end());
  }
  return words;
}

bool IsLabelWord(const std::string& token) { return LabelWordsOf("").count(token) > 0; }

bool AllLabelWords(const std::string& text) {
  std::istringstream words(text);
  bool any = false;
  for (std::string word; words >> word; any = true) {
    if (!IsLabelWord(LabelWord(word))) return false;
  }
  return any;
}

}  // namespace shoebox::extractors
