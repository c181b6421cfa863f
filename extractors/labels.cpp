#include "extractors/labels.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "pipeline/core/text.hpp"
#include "pipeline/core/embedded_data.hpp"

namespace shoebox::extractors {

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
    std::string word;
    while (words >> word) label.tokens.push_back(LabelToken(word));
    if (!label.tokens.empty()) labels.push_back(std::move(label));
  }
  return labels;
}

const std::vector<Label>& Labels() {
  static const std::vector<Label> kLabels = ParseLabels(embedded::LabelDictionary());
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

}  // namespace shoebox::extractors
