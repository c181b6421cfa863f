#include "pipeline/reading/second_look.hpp"

#include <algorithm>
#include <cctype>

#include "pipeline/core/money.hpp"
#include "pipeline/core/text.hpp"
#include "pipeline/reading/prepare.hpp"

namespace shoebox::second_look {
namespace {

bool Touches(const BoxPx& a, const BoxPx& b, int margin) {
  return a.x0 < b.x1 + margin && b.x0 < a.x1 + margin && a.y0 < b.y1 + margin && b.y0 < a.y1 + margin;
}

// What the first reading drops and a clear second reading gives: figures ("1", "12", "3.50") and
// the signs forms print beside them. Letters are left out: a lone stroke read as "I", "l" or "r"
// is as likely a sheet's edge or a shadow on a photograph as a word, and the first reading does not
// drop words of letters.
bool Plausible(const Word& word) {
  if (word.confidence < 0.6 || word.text.empty() || word.text.size() > 12) return false;
  if (word.text == "+" || word.text == "-" || word.text == "$" || word.text == "%" || word.text == "#") return true;
  bool digit = false;
  for (unsigned char c : word.text) {
    if (std::isdigit(c)) {
      digit = true;
    } else if (std::string_view("$.,/-").find(static_cast<char>(c)) == std::string_view::npos) {
      return false;
    }
  }
  return digit;
}

}  // namespace

std::vector<BoxPx> UnreadMarks(const GrayImage& image, const std::vector<BoxPx>& page_marks, int dpi,
                               const std::vector<Word>& words) {
  std::vector<BoxPx> groups;
  // Nothing is printed in the outer 3 % of a page; a photographed sheet's edge or a hole punched
  // in it is.
  int border_x = image.width * 3 / 100, border_y = image.height * 3 / 100;
  std::vector<BoxPx> marks;
  for (const BoxPx& mark : page_marks) {
    // Specks, rules and pictures are not letters.
    if (!prepare::LetterSized(mark, dpi) || mark.width() > 3 * mark.height()) continue;
    if (mark.x0 < border_x || mark.y0 < border_y || mark.x1 > image.width - border_x || mark.y1 > image.height - border_y) {
      continue;
    }
    bool read = std::any_of(words.begin(), words.end(), [&](const Word& word) { return Touches(mark, word.box_px, 2); });
    if (!read) marks.push_back(mark);
  }
  // Reading order, then marks of one line closer than a letter's height joined into one group.
  std::sort(marks.begin(), marks.end(), [](const BoxPx& a, const BoxPx& b) {
    return std::make_pair(a.y0 + a.y1, a.x0) < std::make_pair(b.y0 + b.y1, b.x0);
  });
  std::vector<bool> taken(marks.size(), false);
  for (size_t i = 0; i < marks.size(); ++i) {
    if (taken[i]) continue;
    BoxPx group = marks[i];
    taken[i] = true;
    for (bool grew = true; grew;) {
      grew = false;
      for (size_t j = i + 1; j < marks.size(); ++j) {
        if (taken[j]) continue;
        const BoxPx& mark = marks[j];
        int overlap = std::min(group.y1, mark.y1) - std::max(group.y0, mark.y0);
        int gap = std::max(mark.x0 - group.x1, group.x0 - mark.x1);
        if (overlap > std::min(group.height(), mark.height()) / 2 && gap < group.height()) {
          group = Union(group, mark), taken[j] = true, grew = true;
        }
      }
    }
    groups.push_back(group);
  }
  return groups;
}

namespace {

// One word read on the strip, in page coordinates, and the box of `boxes` it was read in.
struct StripWord {
  size_t box = 0;
  Word word;
};

// The boxes cut out of the page with a margin of half their height, set one under another on a
// clean strip a line apart, enlarged by `scale` (cubic), and read once as a block.
std::vector<StripWord> ReadOnStrip(const GrayImage& image, const std::vector<BoxPx>& boxes, int dpi, int scale,
                                   ocr::Engine& engine) {
  struct Placed {
    BoxPx source;  // on the page
    int y = 0;     // top on the strip
  };
  std::vector<Placed> placed;
  int width = 0, height = 0;
  for (const BoxPx& box : boxes) {
    int pad = std::max(4, box.height() / 2);
    BoxPx source{std::max(0, box.x0 - pad), std::max(0, box.y0 - pad), std::min(image.width, box.x1 + pad),
                 std::min(image.height, box.y1 + pad)};
    placed.push_back({source, height});
    width = std::max(width, source.width());
    height += source.height() + box.height();
  }
  if (placed.empty()) return {};
  int margin = 20;
  GrayImage strip = MakeGrayImage(width + 2 * margin, height + 2 * margin);
  for (const Placed& p : placed) {
    for (int y = p.source.y0; y < p.source.y1; ++y) {
      const std::uint8_t* from = image.pixels.data() + static_cast<size_t>(y) * image.width + p.source.x0;
      std::uint8_t* to = strip.pixels.data() + static_cast<size_t>(margin + p.y + y - p.source.y0) * strip.width + margin;
      std::copy(from, from + p.source.width(), to);
    }
  }
  if (scale > 1) strip = prepare::Rescale(strip, scale);
  Result<std::vector<Word>> read = engine.RecognizeBlock(strip, dpi * scale);
  if (!read) return {};
  std::vector<StripWord> found;
  for (Word word : *read) {
    BoxPx& box = word.box_px;
    box = {box.x0 / scale, box.y0 / scale, box.x1 / scale, box.y1 / scale};
    int middle = (box.y0 + box.y1) / 2 - margin;
    auto home = std::find_if(placed.begin(), placed.end(),
                             [&](const Placed& p) { return middle >= p.y && middle < p.y + p.source.height(); });
    if (home == placed.end()) continue;
    int dx = home->source.x0 - margin, dy = home->source.y0 - margin - home->y;
    box = {box.x0 + dx, box.y0 + dy, box.x1 + dx, box.y1 + dy};
    found.push_back({static_cast<size_t>(home - placed.begin()), std::move(word)});
  }
  return found;
}

}  // namespace

std::vector<Word> ReadUnreadMarks(const GrayImage& image, const std::vector<BoxPx>& marks, int dpi,
                                  const std::vector<Word>& words, ocr::Engine& engine) {
  std::vector<Word> found;
  for (StripWord& read : ReadOnStrip(image, UnreadMarks(image, marks, dpi, words), dpi, 1, engine)) {
    if (Plausible(read.word)) found.push_back(std::move(read.word));
  }
  return found;
}

int ReReadDoubtfulFigures(const GrayImage& image, int dpi, std::vector<Word>& words, ocr::Engine& engine) {
  std::vector<size_t> doubtful;
  std::vector<BoxPx> boxes;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& word = words[i];
    if (word.confidence < kDoubtfulConfidence && HasDigit(word.text) && !ParseMoney(word.text)) {
      doubtful.push_back(i);
      boxes.push_back(word.box_px);
    }
  }
  if (boxes.empty()) return 0;
  std::vector<std::vector<const Word*>> readings(boxes.size());
  std::vector<StripWord> read = ReadOnStrip(image, boxes, dpi, 2, engine);
  for (const StripWord& one : read) readings[one.box].push_back(&one.word);
  int changed = 0;
  for (size_t k = 0; k < doubtful.size(); ++k) {
    // One word where one was, as long or a character shorter (a stray mark dropped), read more
    // surely: its text and confidence replace the first reading's (the box stays the first
    // reading's, which the page's lines are built from).
    if (readings[k].size() != 1) continue;
    Word& word = words[doubtful[k]];
    const Word& again = *readings[k].front();
    auto length_change = static_cast<long>(again.text.size()) - static_cast<long>(word.text.size());
    if (length_change < -1 || length_change > 0 || again.confidence <= word.confidence) continue;
    changed += again.text != word.text;  // the same text read more surely only gains confidence
    word.text = again.text;
    word.confidence = again.confidence;
  }
  return changed;
}

}  // namespace shoebox::second_look
