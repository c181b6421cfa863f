// Leader dots erased before recognition (prepare.hpp: EraseLeaderDots).
#include <algorithm>

#include "pipeline/reading/prepare.hpp"

namespace shoebox::prepare {
namespace {

// A mark the size and shape of a printed full stop: no more than a thirtieth of an inch either way,
// and roughly round (an underscore or a hyphen is not).
bool DotSized(const BoxPx& mark, int dpi) {
  int most = std::max(3, dpi / 30);
  int w = mark.width(), h = mark.height();
  return w >= 1 && h >= 1 && w <= most && h <= most && w <= 3 * h && h <= 3 * w;
}

int CentreY(const BoxPx& box) { return (box.y0 + box.y1) / 2; }

// The dots among `marks` that stand in leaders: runs of eight or more on one line, each within a
// twelfth of an inch of the next, evenly spaced (no gap over twice the run's narrowest).
std::vector<BoxPx> LeaderDots(const std::vector<BoxPx>& marks, int dpi) {
  std::vector<BoxPx> dots;
  for (const BoxPx& mark : marks) {
    if (DotSized(mark, dpi)) dots.push_back(mark);
  }
  std::sort(dots.begin(), dots.end(), [](const BoxPx& a, const BoxPx& b) {
    return CentreY(a) != CentreY(b) ? CentreY(a) < CentreY(b) : a.x0 < b.x0;
  });
  int tolerance = std::max(2, dpi / 100);
  int widest_gap = std::max(4, dpi / 12);
  // Each dot's neighbour: the nearest dot to its right on its line.
  std::vector<long> next(dots.size(), -1);
  std::vector<bool> has_previous(dots.size(), false);
  for (size_t i = 0; i < dots.size(); ++i) {
    int best_gap = widest_gap + 1;
    for (size_t j = i + 1; j < dots.size() && CentreY(dots[j]) - CentreY(dots[i]) <= tolerance; ++j) {
      int gap = dots[j].x0 - dots[i].x1;
      if (gap > 0 && gap < best_gap && !has_previous[j]) best_gap = gap, next[i] = static_cast<long>(j);
    }
    if (next[i] >= 0) has_previous[static_cast<size_t>(next[i])] = true;
  }
  constexpr size_t kShortestLeader = 8;
  std::vector<BoxPx> leaders;
  for (size_t start = 0; start < dots.size(); ++start) {
    if (has_previous[start] || next[start] < 0) continue;
    std::vector<size_t> run = {start};
    while (next[run.back()] >= 0) run.push_back(static_cast<size_t>(next[run.back()]));
    if (run.size() < kShortestLeader) continue;
    int narrowest = widest_gap, widest = 0;
    for (size_t k = 1; k < run.size(); ++k) {
      int gap = dots[run[k]].x0 - dots[run[k - 1]].x1;
      narrowest = std::min(narrowest, gap), widest = std::max(widest, gap);
    }
    if (widest > 2 * narrowest + 2) continue;
    for (size_t k : run) leaders.push_back(dots[k]);
  }
  return leaders;
}

bool Within(const BoxPx& inner, const BoxPx& outer) {
  return inner.x0 >= outer.x0 && inner.y0 >= outer.y0 && inner.x1 <= outer.x1 && inner.y1 <= outer.y1;
}

}  // namespace

int EraseLeaderDots(GrayImage& image, std::vector<BoxPx>& marks, int dpi) {
  // At a light threshold: FindMarks' mid-grey loses a scan's grey dots, which Tesseract's own
  // threshold keeps.
  constexpr int kFaintInk = 170;
  std::vector<BoxPx> leaders = LeaderDots(FindMarks(image, kFaintInk), dpi);
  for (const BoxPx& dot : leaders) {
    int x0 = std::max(0, dot.x0 - 2), x1 = std::min(image.width, dot.x1 + 2);
    for (int y = std::max(0, dot.y0 - 2); y < std::min(image.height, dot.y1 + 2); ++y) {
      std::fill_n(image.pixels.begin() + static_cast<long>(y) * image.width + x0, x1 - x0, std::uint8_t{255});
    }
  }
  // The erased dots are no longer marks for the second look to read.
  std::sort(leaders.begin(), leaders.end(), [](const BoxPx& a, const BoxPx& b) { return a.y0 < b.y0; });
  std::erase_if(marks, [&](const BoxPx& mark) {
    auto from = std::lower_bound(leaders.begin(), leaders.end(), mark.y0 - dpi / 30,
                                 [](const BoxPx& dot, int y) { return dot.y0 < y; });
    for (auto it = from; it != leaders.end() && it->y0 <= mark.y0; ++it) {
      if (Within(mark, {it->x0 - 1, it->y0 - 1, it->x1 + 1, it->y1 + 1})) return true;
    }
    return false;
  });
  return static_cast<int>(leaders.size());
}

}  // namespace shoebox::prepare
