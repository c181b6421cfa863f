// Ruled lines erased before recognition (prepare.hpp: EraseRuledLines). Runs of ink are measured
// along rows (rules across the page) and columns (rules down it); OpenCV's morphology tells a thin
// rule from a bar and finds the paper to paint over it, its contours give each rule's band, where
// the erasing is done.
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "pipeline/reading/opencv_image.hpp"
#include "pipeline/reading/prepare.hpp"

namespace shoebox::prepare {
namespace {

// The ink of `ink` that runs on unbroken for `length` pixels or more along rows (`across`) or
// columns: the same as an opening with a line `length` long, in one pass.
cv::Mat LongRuns(const cv::Mat& ink, int length, bool across) {
  cv::Mat runs = cv::Mat::zeros(ink.size(), CV_8UC1);
  if (across) {
    for (int y = 0; y < ink.rows; ++y) {
      const std::uint8_t* in = ink.ptr<std::uint8_t>(y);
      std::uint8_t* out = runs.ptr<std::uint8_t>(y);
      for (int x = 0; x < ink.cols;) {
        if (in[x] == 0) {
          ++x;
          continue;
        }
        int start = x;
        while (x < ink.cols && in[x] != 0) ++x;
        if (x - start >= length) std::memset(out + start, 255, static_cast<size_t>(x - start));
      }
    }
    return runs;
  }
  std::vector<int> run(static_cast<size_t>(ink.cols), 0);  // each column's run of ink down to the row
  for (int y = 0; y <= ink.rows; ++y) {
    const std::uint8_t* in = y < ink.rows ? ink.ptr<std::uint8_t>(y) : nullptr;
    for (int x = 0; x < ink.cols; ++x) {
      int& length_so_far = run[static_cast<size_t>(x)];
      if (in != nullptr && in[x] != 0) {
        ++length_so_far;
        continue;
      }
      if (length_so_far >= length) {
        for (int k = y - length_so_far; k < y; ++k) runs.at<std::uint8_t>(k, x) = 255;
      }
      length_so_far = 0;
    }
  }
  return runs;
}

// The rules of `ink` running one way: runs `length` long or more, no thicker than `thickest`
// across them. What is thicker (a bar, a block of black) holds text of its own and stays, and so
// does what lies within a pixel or two of it, its rim.
cv::Mat ThinRuns(const cv::Mat& ink, int length, int thickest, bool across) {
  cv::Mat runs = LongRuns(ink, length, across), thick;
  cv::Size through = across ? cv::Size(1, thickest + 1) : cv::Size(thickest + 1, 1);
  cv::morphologyEx(runs, thick, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, through));
  cv::dilate(thick, thick, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
  return runs & ~thick;
}

// Erases one rule within its band (`band` selects the band's rows, or columns, of every image):
// the rule and its soft edge, a pixel each side, except where a letter's stroke meets or crosses
// it (a descender through an underline keeps its foot: erased, "Charged" reads "Charaed"); and,
// where the rule is straight, the pieces of it its unbroken run left out (a fax's or a worn scan's
// rule breaks into dashes): marks wholly within the band, anywhere along it. A letter reaches out
// of the band and is no piece. `straight`: the rule is no thicker than the band allows.
void EraseInBand(cv::Mat gray, const cv::Mat& ink, const cv::Mat& rule, const cv::Mat& paper, bool across,
                 int thickest, bool straight) {
  auto line_of = [&](int n) { return across ? cv::Size(1, n) : cv::Size(n, 1); };  // across the rule
  cv::Mat edge;
  cv::dilate(rule, edge, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
  cv::Mat strokes = ink & ~edge;
  cv::Mat kept;
  cv::dilate(strokes, kept, cv::getStructuringElement(cv::MORPH_RECT, line_of(5)));
  kept &= edge;
  for (int step = 0; step < thickest + 2; ++step) {
    cv::dilate(kept, kept, cv::getStructuringElement(cv::MORPH_RECT, line_of(3)));
    kept &= edge;
  }
  cv::Mat erase = edge & ~kept;
  if (straight) {
    cv::Mat marks, stats, centroids;
    int count = cv::connectedComponentsWithStats(ink, marks, stats, centroids, 8, CV_32S);
    int extent = across ? ink.rows : ink.cols;
    std::vector<std::uint8_t> piece(static_cast<size_t>(count), 0);
    for (int m = 1; m < count; ++m) {
      int start = stats.at<int>(m, across ? cv::CC_STAT_TOP : cv::CC_STAT_LEFT);
      int size = stats.at<int>(m, across ? cv::CC_STAT_HEIGHT : cv::CC_STAT_WIDTH);
      piece[static_cast<size_t>(m)] = start > 0 && start + size < extent ? 255 : 0;  // touches neither side
    }
    for (int y = 0; y < marks.rows; ++y) {
      const int* mark = marks.ptr<int>(y);
      std::uint8_t* out = erase.ptr<std::uint8_t>(y);
      for (int x = 0; x < marks.cols; ++x) out[x] |= piece[static_cast<size_t>(mark[x])];
    }
  }
  paper.copyTo(gray, erase);
}

}  // namespace

int EraseRuledLines(GrayImage& image, int dpi) {
  if (image.empty()) return 0;
  cv::Mat gray = ViewOf(image);
  int length = std::max(20, dpi / 3);  // no letter or word of figures runs a third of an inch unbroken
  int thickest = std::max(2, dpi / 40);
  // Ink is what is darker than the paper around it: the lightest shade within a few rule widths.
  // A scan's thin grey rules are ink by it (Tesseract's own threshold sees them whole), a shaded
  // band or a zebra row is not (it is its own paper), and what is erased is painted that paper.
  constexpr int kInkBelowPaper = 50;
  cv::Mat paper, ink;
  cv::dilate(gray, paper, cv::getStructuringElement(cv::MORPH_RECT, {2 * thickest + 5, 2 * thickest + 5}));
  cv::subtract(paper, gray, ink);
  cv::threshold(ink, ink, kInkBelowPaper, 255, cv::THRESH_BINARY);
  int rules = 0;
  for (bool across : {true, false}) {
    cv::Mat rule = ThinRuns(ink, length, thickest, across);
    std::vector<std::vector<cv::Point>> outlines;
    cv::findContours(rule, outlines, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    rules += static_cast<int>(outlines.size());
    for (const std::vector<cv::Point>& outline : outlines) {
      // The band: the rule's rows (or columns) and three more each side, the width of the page.
      cv::Rect box = cv::boundingRect(outline);
      int from = across ? box.y : box.x, size = across ? box.height : box.width;
      int extent = across ? gray.rows : gray.cols;
      cv::Range band(std::max(0, from - 3), std::min(extent, from + size + 3));
      auto in_band = [&](const cv::Mat& m) { return across ? m.rowRange(band) : m.colRange(band); };
      bool straight = size <= thickest && band.start > 0 && band.end < extent;
      EraseInBand(in_band(gray), in_band(ink), in_band(rule), in_band(paper), across, thickest, straight);
    }
  }
  return rules;
}

}  // namespace shoebox::prepare
