#include "pipeline/second_look.hpp"

#include <algorithm>
#include <cctype>

#include "pipeline/prepare.hpp"

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

std::vector<Word> ReadUnreadMarks(const GrayImage& image, const std::vector<BoxPx>& marks, int dpi,
                                  const std::vector<Word>& words, ocr::Engine& engine) {
  std::vector<BoxPx> groups = UnreadMarks(image, marks, dpi, words);
  if (groups.empty()) return {};
  // The strip: each group with a margin of half its height, under the one before, a line apart.
  struct Placed {
    BoxPx source;  // on the page
    int y = 0;     // top on the strip
  };
  std::vector<Placed> placed;
  int width = 0, height = 0;
  for (const BoxPx& group : groups) {
    int pad = std::max(4, group.height() / 2);
    BoxPx source{std::max(0, group.x0 - pad), std::max(0, group.y0 - pad), std::min(image.width, group.x1 + pad),
                 std::min(image.height, group.y1 + pad)};
    placed.push_back({source, height});
    width = std::max(width, source.width());
    height += source.height() + group.height();
  }
  int margin = 20;
  GrayImage strip = MakeGrayImage(width + 2 * margin, height + 2 * margin);
  for (const Placed& p : placed) {
    for (int y = p.source.y0; y < p.source.y1; ++y) {
      const std::uint8_t* from = image.pixels.data() + static_cast<size_t>(y) * image.width + p.source.x0;
      std::uint8_t* to = strip.pixels.data() + static_cast<size_t>(margin + p.y + y - p.source.y0) * strip.width + margin;
      std::copy(from, from + p.source.width(), to);
    }
  }
  Result<std::vector<Word>> read = engine.RecognizeBlock(strip, dpi);
  if (!read) return {};
  std::vector<Word> found;
  for (Word word : *read) {
    if (!Plausible(word)) continue;
    int middle = (word.box_px.y0 + word.box_px.y1) / 2 - margin;
    auto home = std::find_if(placed.begin(), placed.end(),
                             [&](const Placed& p) { return middle >= p.y && middle < p.y + p.source.height(); });
    if (home == placed.end()) continue;
    int dx = home->source.x0 - margin, dy = home->source.y0 - margin - home->y;
    word.box_px = {word.box_px.x0 + dx, word.box_px.y0 + dy, word.box_px.x1 + dx, word.box_px.y1 + dy};
    found.push_back(std::move(word));
  }
  return found;
}

}  // namespace shoebox::second_look
