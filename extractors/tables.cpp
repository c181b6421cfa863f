#include "extractors/tables.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "extractors/fields.hpp"
#include "extractors/labels.hpp"
#include "pipeline/core/dates.hpp"
#include "pipeline/core/money.hpp"
#include "pipeline/reading/layout.hpp"
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
  return LabelWord(token.substr(start));
}

// Header words a text layer or OCR ran together where columns stand close ("ChargedAllowable",
// "COINSURANCEPlan"), cut where a capital starts a word: after a lowercase letter, or before a
// lowercase one after a run of capitals.
Line WithGluedWordsCut(const Line& line) {
  Line cut = line;
  cut.words.clear();
  for (const Word& word : line.words) {
    const std::string& t = word.text;
    auto upper = [&](size_t i) { return std::isupper(static_cast<unsigned char>(t[i])) != 0; };
    auto lower = [&](size_t i) { return std::islower(static_cast<unsigned char>(t[i])) != 0; };
    size_t from = 0;
    for (size_t i = 1; i < t.size(); ++i) {
      bool starts = upper(i) && (lower(i - 1) || (i >= 2 && upper(i - 1) && upper(i - 2) && i + 1 < t.size() && lower(i + 1)));
      if (!starts) continue;
      cut.words.push_back(WordPart(word, from, i, t.size(), t.substr(from, i - from)));
      from = i;
    }
    cut.words.push_back(from == 0 ? word : WordPart(word, from, t.size(), t.size(), t.substr(from)));
  }
  return cut;
}

// A line that can be part of a header: words, no amount and no date.
bool HeaderLike(const Line& line) {
  std::vector<std::string> texts;
  for (const Word& word : line.words) texts.push_back(word.text);
  return !texts.empty() && !FindMoney(texts) && !FindDate(texts);
}

// The share of a line's words that are words of the scope's labels: a header row is mostly those.
double LabelWordShare(const Line& line, std::string_view scope) {
  const std::set<std::string>& vocabulary = LabelWordsOf(scope);
  size_t known = 0;
  for (const Word& word : line.words) {
    std::string token = HeaderToken(word.text);
    known += vocabulary.count(token) > 0 || IsFiller(token) ? 1 : 0;
  }
  return line.words.empty() ? 0 : static_cast<double>(known) / static_cast<double>(line.words.size());
}

// The band's words as one line, column by column. Each upper row is cut into phrases (words a
// space apart) and each phrase joins the bottom word it stands over most; bottom words one phrase
// covers alike ("Maximum You May" over "Be Billed") are one column, read row by row. A phrase over
// nothing stands on its own. `lines` begins with the band's top row.
Line StackedHeader(const std::vector<Line>& lines, size_t rows) {
  constexpr double kPhraseGap = 0.6;  // × the text height: wider than a space, narrower than a column gap
  const Line& bottom = lines[rows - 1];
  size_t n = bottom.words.size();
  std::vector<std::vector<Word>> above(n);
  std::vector<bool> joined_to_next(n, false);
  std::vector<std::pair<int, std::vector<Word>>> alone;  // (x0, words)
  for (size_t r = 0; r + 1 < rows; ++r) {
    for (const Line& phrase : layout::SplitCells(lines[r], kPhraseGap)) {
      int best_overlap = 0;
      size_t best = n;
      for (size_t s = 0; s < n; ++s) {
        int o = OverlapAcross(phrase.box_px, bottom.words[s].box_px);
        if (o > best_overlap) best_overlap = o, best = s;
      }
      if (best == n) {
        alone.push_back({phrase.box_px.x0, phrase.words});
        continue;
      }
      above[best].insert(above[best].end(), phrase.words.begin(), phrase.words.end());
      // Covering most of a neighbour of that word too, the phrase heads both.
      auto covers = [&](size_t s) {
        return OverlapAcross(phrase.box_px, bottom.words[s].box_px) * 10 >= 6 * bottom.words[s].box_px.width();
      };
      if (best + 1 < n && covers(best + 1)) joined_to_next[best] = true;
      if (best > 0 && covers(best - 1)) joined_to_next[best - 1] = true;
    }
  }
  std::vector<std::pair<int, std::vector<Word>>> ordered = alone;
  for (size_t s = 0; s < n;) {
    size_t end = s;
    while (end + 1 < n && joined_to_next[end]) ++end;
    std::vector<Word> column;
    for (size_t k = s; k <= end; ++k) column.insert(column.end(), above[k].begin(), above[k].end());
    for (size_t k = s; k <= end; ++k) column.push_back(bottom.words[k]);
    ordered.push_back({bottom.words[s].box_px.x0, std::move(column)});
    s = end + 1;
  }
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  Line header = bottom;
  header.words.clear();
  for (const auto& [x0, words] : ordered) header.words.insert(header.words.end(), words.begin(), words.end());
  for (size_t r = 0; r < rows; ++r) header.box_px = Union(header.box_px, lines[r].box_px);
  return header;
}

}  // namespace

HeaderBand ReadHeaderBand(const std::vector<Line>& all_lines, size_t first, std::string_view scope, size_t min_columns) {
  HeaderBand best;
  if (first >= all_lines.size() || !HeaderLike(all_lines[first])) return best;  // most lines: a row, not a header
  std::vector<Line> lines;  // the band's candidates from `first` on, glued words cut
  for (size_t i = first; i < all_lines.size() && i < first + 3; ++i) lines.push_back(WithGluedWordsCut(all_lines[i]));
  for (size_t rows = 1; rows <= lines.size(); ++rows) {
    const Line& last = lines[rows - 1];
    if (!HeaderLike(last) || last.page != lines.front().page) break;
    if (rows > 1 && LabelWordShare(lines.front(), scope) < 0.5) break;  // a stacked band's top row is header words too
    if (rows > 1) {
      const Line& previous = lines[rows - 2];
      if (last.box_px.y0 - previous.box_px.y1 > previous.box_px.height()) break;  // a gap: not one band
    }
    std::vector<Column> columns = rows == 1 ? HeaderColumns(last, scope, min_columns)
                                            : HeaderColumns(StackedHeader(lines, rows), scope, min_columns);
    if (columns.size() > best.columns.size()) best = {std::move(columns), rows};
  }
  return best;
}

size_t AmountsOn(const Line& line) {
  std::vector<std::string> texts;
  for (const Word& word : line.words) texts.push_back(word.text);
  size_t amounts = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    auto money = FindMoney(texts, i);
    if (money && money->first_word == i) ++amounts, i += money->word_count - 1;
  }
  return amounts;
}

std::string DateOfUndatedRow(const Line& line, const std::vector<Column>& columns, const std::string& above) {
  auto date_column = std::find_if(columns.begin(), columns.end(), [](const Column& c) { return c.field == "date_of_service"; });
  bool prints_a_date = false;
  for (const Word& word : line.words) {
    if (auto date = ReadMisprintedDate(word.text, above)) return *date;
    prints_a_date |= LooksLikeDate(word.text);
    if (date_column == columns.end()) continue;
    const BoxPx& box = word.box_px;
    prints_a_date |= OverlapAcross(box, date_column->box_px) * 2 >= box.width();
  }
  return prints_a_date ? "" : above;
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
  std::vector<std::pair<size_t, size_t>> spans;  // each column's words [begin, end)
  std::set<std::string> fields;
  for (LabelMatch how : kLabelMatches) {
    for (const Label* label : labels) {
      if (fields.count(label->field)) continue;
      for (size_t i = 0; i < tokens.size(); ++i) {
        auto end = LabelEndAt(tokens, i, *label, how);
        if (!end || std::any_of(used.begin() + static_cast<long>(i), used.begin() + static_cast<long>(*end), [](bool u) { return u; })) continue;
        std::fill(used.begin() + static_cast<long>(i), used.begin() + static_cast<long>(*end), true);
        columns.push_back({label->field, {}});
        spans.emplace_back(i, *end);
        fields.insert(label->field);
        break;
      }
    }
  }
  size_t labelled = static_cast<size_t>(std::count(used.begin(), used.end(), true));
  if (columns.size() < min_columns || labelled * 2 < tokens.size()) return {};
  // A column's header is its whole phrase: the words of no other column set close beside its
  // label's ("Paid by Plan" where a shorter label read "Paid"), so the figures under the phrase
  // are placed under it.
  auto close = [&](size_t a, size_t b) {
    const BoxPx& left = line.words[a].box_px;
    const BoxPx& right = line.words[b].box_px;
    return right.x0 - left.x1 < std::max(left.height(), right.height());
  };
  for (size_t c = 0; c < columns.size(); ++c) {
    auto& [begin, end] = spans[c];
    while (begin > 0 && !used[begin - 1] && close(begin - 1, begin)) used[--begin] = true;
    while (end < tokens.size() && !used[end] && close(end - 1, end)) used[end++] = true;
    for (size_t k = begin; k < end; ++k) columns[c].box_px = Union(columns[c].box_px, line.words[k].box_px);
  }
  std::sort(columns.begin(), columns.end(), [](const Column& a, const Column& b) { return a.box_px.x0 < b.box_px.x0; });
  // OCR sometimes gives a header word a box that runs over its neighbours ("Allowed" boxed across
  // "Deductible"): a column ends where the next begins.
  for (size_t k = 0; k + 1 < columns.size(); ++k) {
    columns[k].box_px.x1 = std::max(columns[k].box_px.x0 + 1, std::min(columns[k].box_px.x1, columns[k + 1].box_px.x0));
  }
  return columns;
}

}  // namespace shoebox::extractors
