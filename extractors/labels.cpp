#include "extractors/labels.hpp"

#include <sstream>

#include "extractors/text.hpp"
#include "pipeline/embedded_data.hpp"

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

}  // namespace shoebox::extractors
