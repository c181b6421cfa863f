// Words placed by hand on a page, for the layout and understanding tests (no engines).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "pipeline/core/page.hpp"
#include "pipeline/reading/layout.hpp"

namespace shoebox::testing {

// Places words on a row: each {x, text} becomes a word 30 px tall, 16 px per character wide.
inline std::vector<Word> Row(int y, const std::vector<std::pair<int, std::string>>& items, double confidence = 0.9) {
  std::vector<Word> words;
  for (const auto& [x, text] : items) {
    int x_end = x;
    std::string token;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == ' ') {
        if (!token.empty()) {
          int start = x_end;
          x_end = start + 16 * static_cast<int>(token.size());
          words.push_back({token, {start, y, x_end, y + 30}, confidence});
          x_end += 12;  // a normal space
        }
        token.clear();
      } else {
        token += text[i];
      }
    }
  }
  return words;
}

inline std::vector<Line> Lines(const std::vector<std::vector<Word>>& rows) {
  std::vector<Word> all;
  for (const auto& row : rows) all.insert(all.end(), row.begin(), row.end());
  return layout::BuildLines(all, 1);
}

inline const Field* FindField(const Document& document, const std::string& name) {
  for (const Field& field : document.fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

}  // namespace shoebox::testing
