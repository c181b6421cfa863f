// Labels glued to a letterhead by Tesseract, split off again (fields.hpp: SplitRunTogetherLabels).
#include <algorithm>
#include <cctype>
#include <set>

#include "extractors/fields.hpp"
#include "extractors/labels.hpp"
#include "pipeline/core/text.hpp"

namespace shoebox::extractors {
namespace {

// The first word of each label of six letters or more, with the word that follows it in the label.
const std::vector<std::pair<std::string, std::string>>& LabelStarts() {
  static const std::vector<std::pair<std::string, std::string>> label_starts = [] {
    std::set<std::pair<std::string, std::string>> starts;
    for (const Label& label : Labels()) {
      if (!label.tokens.empty() && label.tokens.front().size() >= 6) {
        starts.insert({label.tokens.front(), label.tokens.size() > 1 ? label.tokens[1] : ""});
      }
    }
    return std::vector<std::pair<std::string, std::string>>(starts.begin(), starts.end());
  }();
  return label_starts;
}

// Tesseract may also cut the two apart at the wrong place ("CENTER iatement Date:"): a word in
// capitals touched by one that starts in lowercase is read as one glued word. Returns how many of
// the line's words `word` now stands for.
size_t JoinCapitalsToTheirTail(const Line& line, size_t w, Word& word) {
  if (w + 1 >= line.words.size()) return 1;
  const Word& after = line.words[w + 1];
  bool all_capitals = word.text.size() >= 3 &&
                      std::all_of(word.text.begin(), word.text.end(), [](unsigned char c) { return std::isupper(c); });
  bool touching = after.box_px.x0 - word.box_px.x1 < word.box_px.height() / 2;
  if (!all_capitals || after.text.empty() || !std::islower(static_cast<unsigned char>(after.text[0])) || !touching) return 1;
  word.text += after.text;
  word.box_px = Union(word.box_px, after.box_px);
  word.confidence = std::min(word.confidence, after.confidence);
  return 2;
}

// The label a glued word's lowercase tail is a misreading of, if one explains it: a label the next
// word goes on with first, then the fewest slips.
const std::string* GluedLabel(const std::string& tail, const std::string& next) {
  const std::string* best = nullptr;
  std::pair<bool, double> best_fit{true, 3.5};
  for (const auto& [first, second] : LabelStarts()) {
    // Two slips in the glued word; three where the next word reads as the label's next
    // ("CENTERiining pate:" for "Billing Date:"). Thin strokes confused count half
    // ("CENTERiaiting pate:", which is also two slips from "Awaiting").
    double distance = OcrSlips(tail, first);
    bool label_goes_on = !second.empty() && EditDistance(next, second) <= 1;
    std::pair<bool, double> fit{!label_goes_on, distance};
    if (distance <= 3 && (distance <= 2 || label_goes_on) && fit < best_fit) best = &first, best_fit = fit;
  }
  return best;
}

}  // namespace

std::vector<Line> SplitRunTogetherLabels(const std::vector<Line>& lines) {
  std::vector<Line> out = lines;
  for (Line& line : out) {
    std::vector<Word> words;
    std::vector<size_t> restored_at;
    for (size_t w = 0; w < line.words.size(); ++w) {
      Word word = line.words[w];
      size_t parts = JoinCapitalsToTheirTail(line, w, word);
      const std::string& text = word.text;
      size_t capitals = 0;
      while (capitals < text.size() && std::isupper(static_cast<unsigned char>(text[capitals]))) ++capitals;
      size_t rest = capitals;
      while (rest < text.size() && static_cast<unsigned char>(text[rest]) >= 0x80) ++rest;  // a stray ¢ or «
      std::string tail = LabelToken(text.substr(rest));
      bool lower = rest < text.size() && std::islower(static_cast<unsigned char>(text[rest]));
      std::string next = w + parts < line.words.size() ? LabelToken(line.words[w + parts].text) : "";
      const std::string* best = capitals >= 3 && lower && tail.size() >= 4 ? GluedLabel(tail, next) : nullptr;
      if (best == nullptr) {
        words.insert(words.end(), line.words.begin() + static_cast<long>(w), line.words.begin() + static_cast<long>(w + parts));
        w += parts - 1;
        continue;
      }
      std::string restored = *best;
      restored[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(restored[0])));
      if (!text.empty() && (text.back() == ':')) restored += ':';
      Word name = parts == 2 ? line.words[w] : WordPart(word, 0, capitals, text.size(), text.substr(0, capitals));
      Word label = parts == 2 ? line.words[w + 1] : WordPart(word, capitals, text.size(), text.size(), restored);
      label.text = restored;
      // Printed apart, read as one: the gap between them is given back so the label starts a cell
      // of its own (layout::SplitCells), as it does on a clean page.
      label.box_px.x0 = std::min(name.box_px.x1 + 2 * word.box_px.height(), label.box_px.x1 - 1);
      words.push_back(name);
      restored_at.push_back(words.size());
      words.push_back(label);
      w += parts - 1;
    }
    // The label's height is its neighbour's, not the capitals' it was read with: a size change
    // would split it from the rest of the label.
    for (size_t at : restored_at) {
      if (at + 1 >= words.size()) continue;
      words[at].box_px.y0 = words[at + 1].box_px.y0;
      words[at].box_px.y1 = words[at + 1].box_px.y1;
    }
    line.words = std::move(words);
  }
  return out;
}

}  // namespace shoebox::extractors
