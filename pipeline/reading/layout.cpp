#include "pipeline/reading/layout.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <string_view>

namespace shoebox::layout {
namespace {

int CenterY(const BoxPx& box) { return (box.y0 + box.y1) / 2; }

// Whether a word's box height tells its type size. Not for a word of letters that stay between
// baseline and x-height ("or", "were"): its box is about half as tall as a word with an ascender
// and a descender ("paid") of the same type. Nor for a word of one or two lowercase letters, whose
// recognised box is often cut to its ink ("of" half as tall as "the" beside it on a photograph);
// capitals and digits stand the full cap height ("ID" beside a letterhead).
bool SaysItsTypeSize(const std::string& text) {
  if (text.empty()) return false;
  if (text.size() <= 2) {
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isupper(c) || std::isdigit(c); });
  }
  bool x_height_only = true;
  for (char c : text) {
    if (std::string_view("acemnorsuvwxz.,:;'-").find(c) == std::string_view::npos) x_height_only = false;
  }
  return !x_height_only;
}

}  // namespace

std::vector<Line> BuildLines(const std::vector<Word>& words, int page_number) {
  std::vector<Word> sorted;
  for (const Word& word : words) {
    if (!word.box_px.empty() && !word.text.empty()) sorted.push_back(word);
  }
  std::sort(sorted.begin(), sorted.end(), [](const Word& a, const Word& b) {
    return CenterY(a.box_px) != CenterY(b.box_px) ? CenterY(a.box_px) < CenterY(b.box_px) : a.box_px.x0 < b.box_px.x0;
  });
  std::vector<Line> lines;
  for (Word& word : sorted) {
    // A word joins the current line when its vertical centre lies within the line's band;
    // comparing with the band (not the last word) keeps a line together across columns.
    bool joins = false;
    if (!lines.empty()) {
      const Line& line = lines.back();
      int band_half = std::max(2, std::min(line.box_px.height(), word.box_px.height()) / 2);
      joins = std::abs(CenterY(word.box_px) - CenterY(line.box_px)) <= band_half;
    }
    if (!joins) {
      lines.emplace_back();
      lines.back().page = page_number;
    }
    Line& line = lines.back();
    line.box_px = Union(line.box_px, word.box_px);
    line.words.push_back(std::move(word));
  }
  for (Line& line : lines) {
    std::sort(line.words.begin(), line.words.end(),
              [](const Word& a, const Word& b) { return a.box_px.x0 < b.box_px.x0; });
  }
  return lines;
}

std::vector<Line> SplitCells(const Line& line, double gap_factor) {
  std::vector<Line> cells;
  for (const Word& word : line.words) {
    bool new_cell = cells.empty();
    if (!new_cell) {
      const Word& previous = cells.back().words.back();
      int smaller = std::max(1, std::min(previous.box_px.height(), word.box_px.height()));
      int larger = std::max(previous.box_px.height(), word.box_px.height());
      // A wide gap, or a change of type size (a letterhead beside a statement box), starts a cell.
      // The gap is measured in the taller word's height: the shorter may be a word without
      // ascenders ("or") or a box OCR drew too short ("Name:" 20 px beside "Patient" 27).
      bool size_change = larger > 1.5 * smaller && SaysItsTypeSize(previous.text) && SaysItsTypeSize(word.text);
      new_cell = word.box_px.x0 - previous.box_px.x1 > gap_factor * larger || size_change;
    }
    if (new_cell) {
      Line cell;
      cell.page = line.page;
      cell.box_px = word.box_px;
      cells.push_back(cell);
    }
    cells.back().words.push_back(word);
    cells.back().box_px = Union(cells.back().box_px, word.box_px);
  }
  return cells;
}

bool IsTransmissionHeader(const Line& line, int page_height_px) {
  if (page_height_px <= 0 || line.box_px.y0 > page_height_px / 20) return false;
  static const std::regex kTime(R"((^|\s)[0-2]?\d:[0-5]\d(\s|$))");
  static const std::regex kPageOf(R"((^|\s)(P\.?|PG\.?|PAGE)\s*\d{1,3}\s*(/|OF)\s*\d{1,3}(\s|$))", std::regex::icase);
  static const std::regex kSender(R"((^|\s)(FROM|FAX|TO)\s*:?(\s|$))", std::regex::icase);
  std::string text = line.Text();
  return std::regex_search(text, kTime) && (std::regex_search(text, kPageOf) || std::regex_search(text, kSender));
}

std::string PageText(const std::vector<Line>& lines) {
  std::string text;
  for (const Line& line : lines) {
    text += line.Text();
    text += '\n';
  }
  return text;
}

}  // namespace shoebox::layout
