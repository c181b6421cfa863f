#include "extractors/tables.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "extractors/labels.hpp"
#include "pipeline/core/dates.hpp"
#include "pipeline/core/money.hpp"
#include "pipeline/core/text.hpp"

namespace shoebox::extractors {

namespace {

// A header word as printed against a label's word. Headers are small bold type, often on a shaded
// band, and OCR marks them: rules read as dashes glued to the word ("——Coinsurance"), one letter
// lost or changed in a word (LabelWordsAt, tolerant).
std::string HeaderToken(const std::string& word) {
  std::string token = LabelToken(word);
  auto is_edge_junk = [](unsigned char c) { return !std::isalnum(c) && c != '#'; };
  while (!token.empty() && is_edge_junk(token.back())) token.pop_back();
  size_t start = 0;
  while (start < token.size() && is_edge_junk(token[start])) ++start;
  return token.substr(start);
}

}  // namespace

namespace {

// A line that can be part of a header: words, no amount and no date.
bool HeaderLike(const Line& line) {
  std::vector<std::string> texts;
  for (const Word& word : line.words) texts.push_back(word.text);
  return !texts.empty() && !FindMoney(texts) && !FindDate(texts);
}

// The band's words as one line: the bottom line's words, each with the words above it (those whose
// span overlaps it most) before it, top to bottom; words above nothing stand on their own.
Line StackedHeader(const std::vector<Line>& lines, size_t first, size_t rows) {
  const Line& bottom = lines[first + rows - 1];
  std::vector<std::vector<Word>> stacks;
  for (const Word& word : bottom.words) stacks.push_back({word});
  std::vector<std::vector<Word>> above(stacks.size());
  std::vector<std::vector<Word>> alone;
  for (size_t r = 0; r + 1 < rows; ++r) {
    for (const Word& word : lines[first + r].words) {
      int best_overlap = 0;
      size_t best = stacks.size();
      for (size_t s = 0; s < stacks.size(); ++s) {
        const BoxPx& under = stacks[s].back().box_px;
        int overlap = std::min(word.box_px.x1, under.x1) - std::max(word.box_px.x0, under.x0);
        if (overlap > best_overlap) best_overlap = overlap, best = s;
      }
      if (best < stacks.size()) above[best].push_back(word);
      else alone.push_back({word});
    }
  }
  std::vector<std::vector<Word>> columns = alone;
  for (size_t s = 0; s < stacks.size(); ++s) {
    std::vector<Word> column = above[s];
    column.push_back(stacks[s].front());
    columns.push_back(column);
  }
  std::stable_sort(columns.begin(), columns.end(), [](const std::vector<Word>& a, const std::vector<Word>& b) {
    return a.back().box_px.x0 < b.back().box_px.x0;
  });
  Line header = bottom;
  header.words.clear();
  for (const std::vector<Word>& column : columns) header.words.insert(header.words.end(), column.begin(), column.end());
  for (size_t r = 0; r < rows; ++r) header.box_px = Union(header.box_px, lines[first + r].box_px);
  return header;
}

}  // namespace

HeaderBand ReadHeaderBand(const std::vector<Line>& lines, size_t first, std::string_view scope, size_t min_columns) {
  HeaderBand best;
  for (size_t rows = 1; rows <= 3 && first + rows <= lines.size(); ++rows) {
    const Line& last = lines[first + rows - 1];
    if (!HeaderLike(last) || last.page != lines[first].page) break;
    if (rows > 1) {
      const Line& previous = lines[first + rows - 2];
      if (last.box_px.y0 - previous.box_px.y1 > previous.box_px.height()) break;  // a gap: not one band
    }
    std::vector<Column> columns = rows == 1 ? HeaderColumns(last, scope, min_columns)
                                            : HeaderColumns(StackedHeader(lines, first, rows), scope, min_columns);
    if (columns.size() > best.columns.size()) best = {std::move(columns), rows};
  }
  return best;
}

bool WrapsUnder(const Line& line, int row_page, const BoxPx& row_box, int row_height) {
  std::vector<std::string> texts;
  bool letters = false;
  for (const Word& word : line.words) {
    texts.push_back(word.text);
    letters |= std::any_of(word.text.begin(), word.text.end(), [](unsigned char c) { return std::isalpha(c); });
  }
  return letters && !FindMoney(texts) && line.page == row_page && line.box_px.y0 - row_box.y1 < row_height;
}

std::vector<Column> HeaderColumns(const Line& line, std::string_view scope, size_t min_columns) {
  std::vector<std::string> tokens;
  for (const Word& word : line.words) tokens.push_back(HeaderToken(word.text));
  // Longer labels first, so "Plan Paid" is one column and not "Paid" with a stray word.
  const std::vector<const Label*>& labels = LabelsLongestFirst(scope);
  std::vector<bool> used(tokens.size(), false);
  std::vector<Column> columns;
  std::set<std::string> fields;
  for (const Label* label : labels) {
    if (fields.count(label->field)) continue;
    for (size_t i = 0; i + label->tokens.size() <= tokens.size(); ++i) {
      bool match = LabelWordsAt(tokens, i, label->tokens, /*tolerant=*/true);
      for (size_t k = 0; k < label->tokens.size() && match; ++k) match = !used[i + k];
      if (!match) continue;
      Column column{label->field, {}};
      for (size_t k = 0; k < label->tokens.size(); ++k) {
        used[i + k] = true;
        column.box_px = Union(column.box_px, line.words[i + k].box_px);
      }
      columns.push_back(column);
      fields.insert(label->field);
      break;
    }
  }
  size_t labelled = static_cast<size_t>(std::count(used.begin(), used.end(), true));
  if (columns.size() < min_columns || labelled * 2 < tokens.size()) return {};
  std::sort(columns.begin(), columns.end(), [](const Column& a, const Column& b) { return a.box_px.x0 < b.box_px.x0; });
  // OCR sometimes gives a header word a box that runs over its neighbours ("Allowed" boxed across
  // "Deductible"): a column ends where the next begins.
  for (size_t k = 0; k + 1 < columns.size(); ++k) {
    columns[k].box_px.x1 = std::max(columns[k].box_px.x0 + 1, std::min(columns[k].box_px.x1, columns[k + 1].box_px.x0));
  }
  return columns;
}

}  // namespace shoebox::extractors
