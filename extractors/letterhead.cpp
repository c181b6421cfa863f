// The sender's name (fields.hpp: Letterhead): the tallest line near the top of the first page, set
// larger than the page's body type, that is no sentence, no figure and no document title.
#include <algorithm>
#include <cctype>

#include "extractors/fields.hpp"
#include "extractors/kinds/kind.hpp"
#include "extractors/labels.hpp"
#include "pipeline/core/text.hpp"

namespace shoebox::extractors {
namespace {

// Where in `words`, after the first, a label of two words or more of any scope begins (in any order):
// a letterhead set close beside the statement's first label ("VALLEY VIEW HEALTH SYSTEM   Date of
// Statement") ends there. The number of words where none does.
size_t LabelStartIn(const std::vector<Word>& words) {
  std::vector<std::string> tokens;
  for (const Word& word : words) tokens.push_back(LabelWord(word.text));
  for (size_t at = 1; at < tokens.size(); ++at) {
    for (const Label& label : Labels()) {
      if (label.tokens.size() >= 2 && LabelEndAt(tokens, at, label, LabelMatch::kAnyOrder)) return at;
    }
  }
  return words.size();
}

// A letterhead is set larger than the page's body type (the median word's height), where the page
// has words enough to tell its body type.
constexpr double kLetterheadOverBody = 1.1;
constexpr size_t kWordsToTellBodyType = 40;

// Whether a cell is a document's title rather than a name: a kind's tell-tale phrase makes up at
// least half of its words ("Medicare Summary Notice", "EXPLANATION OF BENEFITS").
bool IsTitle(const std::string& text) {
  std::string normal = NormalizeForMatch(text);
  size_t words = static_cast<size_t>(std::count(normal.begin(), normal.end(), ' ')) + 1;
  for (const KindSpec* kind : Kinds()) {
    for (const Cue& cue : kind->cues) {
      size_t cue_words = static_cast<size_t>(std::count(cue.phrase.begin(), cue.phrase.end(), ' ')) + 1;
      if (cue_words >= 2 && 2 * cue_words >= words && normal.find(cue.phrase) != std::string::npos) return true;
    }
  }
  return false;
}

// The median height of the words of a page's lines: its body type; 0 on a page of too few words
// to tell one.
int BodyHeight(const std::vector<Line>& lines, int page) {
  std::vector<int> heights;
  for (const Line& line : lines) {
    if (line.page != page) continue;
    for (const Word& word : line.words) heights.push_back(word.box_px.height());
  }
  if (heights.size() < kWordsToTellBodyType) return 0;
  std::nth_element(heights.begin(), heights.begin() + static_cast<long>(heights.size() / 2), heights.end());
  return heights[heights.size() / 2];
}

}  // namespace

std::optional<Field> Letterhead(const CellGrid& grid, const std::string& name) {
  const std::vector<Line>& lines = *grid.lines;
  if (lines.empty()) return std::nullopt;
  int page = lines.front().page;
  int top = lines.front().box_px.y0, bottom = top;
  for (const Line& line : lines) {
    if (line.page == page) bottom = std::max(bottom, line.box_px.y1);
  }
  int limit = top + (bottom - top) / 4;
  const Line* best = nullptr;  // the first cell of the line
  int best_height = 0;
  bool best_is_title = false;
  for (size_t li = 0; li < lines.size(); ++li) {
    const Line& line = lines[li];
    if (line.page != page || line.box_px.y0 > limit) continue;
    auto first = std::find_if(grid.cells[li].begin(), grid.cells[li].end(), [](const CellRef& c) { return !c.stacked; });
    if (first == grid.cells[li].end()) continue;
    const Line& first_cell = first->cell;
    std::string text = first_cell.Text();
    // A name begins with a capital and is no sentence ("for Part B", "The amounts are not bills.").
    bool name_like = std::isupper(static_cast<unsigned char>(text[0])) && !text.ends_with(".");
    if (!HasLetter(text) || HasDigit(text) || !name_like) continue;
    std::vector<int> heights;
    for (const Word& word : first_cell.words) heights.push_back(word.box_px.height());
    std::sort(heights.begin(), heights.end());
    int height = heights[heights.size() / 2];
    if (height > best_height * 1.15) best = &first_cell, best_height = height, best_is_title = IsTitle(text);
  }
  // Where the document's title is set tallest, the sender's name is no heading of the page (a logo,
  // or nowhere): a smaller line there is the addressee or a subheading.
  if (best == nullptr || best_is_title || best_height < kLetterheadOverBody * BodyHeight(lines, page)) {
    return std::nullopt;
  }
  Line cell = *best;
  cell.words.resize(LabelStartIn(cell.words));
  cell.box_px = cell.words.front().box_px;
  for (const Word& word : cell.words) cell.box_px = Union(cell.box_px, word.box_px);
  Field field;
  field.name = name;
  field.text = CollapseSpaces(cell.Text());
  field.page = cell.page;
  field.box_px = cell.box_px;
  field.confidence = 1.0;
  for (const Word& word : cell.words) field.confidence = std::min(field.confidence, word.confidence);
  field.confidence *= 0.8;  // a letterhead is a guess from layout, not a label
  return field;
}

}  // namespace shoebox::extractors
