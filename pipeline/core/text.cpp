#include <algorithm>
#include "pipeline/core/text.hpp"

#include <cctype>

namespace shoebox {

std::string NormalizeForMatch(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ':') continue;
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool IsSeparator(std::string_view text) {
  static constexpr std::string_view kMarks = "-=_.*~+";
  return text.size() >= 3 && text.find_first_not_of(kMarks) == std::string_view::npos;
}

std::string LabelToken(std::string_view word) {
  // Punctuation after a label, and the stray quote marks and strokes OCR puts before or after one
  // ("‘Total Charges" on a fax).
  static constexpr std::string_view kTrimmed[] = {":", ".", ",", ";", "'", "\"", "`", "~", "|", "*",
                                                  "\u2018", "\u2019", "\u201c", "\u201d"};
  for (bool trimmed = true; trimmed && !word.empty();) {
    trimmed = false;
    for (std::string_view mark : kTrimmed) {
      if (word.starts_with(mark)) word.remove_prefix(mark.size()), trimmed = true;
      if (word.ends_with(mark)) word.remove_suffix(mark.size()), trimmed = true;
    }
  }
  std::string out(word);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool HasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool HasLetter(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isalpha(c); });
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) joined += separator;
    joined += parts[i];
  }
  return joined;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

namespace {

// Levenshtein's dynamic programme with insertions and deletions at 1 and substitutions at
// substitute(x, y).
template <typename Cost, typename Substitute>
Cost Levenshtein(std::string_view a, std::string_view b, Substitute substitute) {
  std::vector<Cost> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<Cost>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    Cost diagonal = row[0];
    row[0] = static_cast<Cost>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      Cost above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + substitute(a[i - 1], b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) {
  return Levenshtein<size_t>(a, b, [](char x, char y) -> size_t { return x == y ? 0 : 1; });
}

double OcrSlips(std::string_view a, std::string_view b) {
  auto thin = [](char c) { return std::string_view("iltfj1|!I").find(c) != std::string_view::npos; };
  return Levenshtein<double>(a, b, [&](char x, char y) { return x == y ? 0.0 : (thin(x) && thin(y) ? 0.5 : 1.0); });
}

}  // namespace shoebox
