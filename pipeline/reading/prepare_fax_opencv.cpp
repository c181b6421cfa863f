// What a 1-bit page and white type on dark bands need before recognition (prepare.hpp: Descreen,
// InvertDarkBands). OpenCV's connected components find the dots a fax machine makes of grey, its
// box filter their density, its morphology the bands.
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "pipeline/reading/opencv_image.hpp"
#include "pipeline/reading/prepare.hpp"

namespace shoebox::prepare {
namespace {

// The connected runs of a mask, labelled once, asked for those of a size.
class Components {
 public:
  explicit Components(const cv::Mat& mask) {
    cv::Mat centroids;
    count_ = cv::connectedComponentsWithStats(mask, labels_, stats_, centroids, 8, CV_32S);
  }
  // The runs no larger than `most_pixels`, as a 0/255 mask.
  cv::Mat NoLargerThan(int most_pixels) const {
    std::vector<std::uint8_t> small(static_cast<size_t>(count_), 0);
    for (int i = 1; i < count_; ++i) {
      small[static_cast<size_t>(i)] = stats_.at<int>(i, cv::CC_STAT_AREA) <= most_pixels ? 255 : 0;
    }
    cv::Mat out(labels_.size(), CV_8UC1);
    for (int y = 0; y < labels_.rows; ++y) {
      const int* label = labels_.ptr<int>(y);
      std::uint8_t* row = out.ptr<std::uint8_t>(y);
      for (int x = 0; x < labels_.cols; ++x) row[x] = small[static_cast<size_t>(label[x])];
    }
    return out;
  }

 private:
  cv::Mat labels_, stats_;
  int count_ = 0;
};

// Of the light pixels inside `inside`, the share in runs of light that do not reach the box's edge.
double EnclosedShare(const cv::Mat& light, const cv::Mat& inside) {
  cv::Mat labels, stats, centroids;
  int count = cv::connectedComponentsWithStats(light, labels, stats, centroids, 8, CV_32S);
  std::vector<std::uint8_t> enclosed(static_cast<size_t>(count), 0);
  for (int i = 1; i < count; ++i) {
    int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
    int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    enclosed[static_cast<size_t>(i)] = x > 0 && y > 0 && x + w < light.cols && y + h < light.rows;
  }
  long long inside_light = 0, inside_enclosed = 0;
  for (int y = 0; y < light.rows; ++y) {
    const int* label = labels.ptr<int>(y);
    const std::uint8_t* in = inside.ptr<std::uint8_t>(y);
    for (int x = 0; x < light.cols; ++x) {
      if (in[x] == 0 || label[x] == 0) continue;
      ++inside_light;
      inside_enclosed += enclosed[static_cast<size_t>(label[x])];
    }
  }
  return inside_light == 0 ? 0.0 : static_cast<double>(inside_enclosed) / static_cast<double>(inside_light);
}

}  // namespace

void Descreen(GrayImage& image, int dpi) {
  if (image.empty()) return;
  cv::Mat gray = ViewOf(image);
  // A dot of a dithered grey is a pixel or two as sent (204 x 98 dpi); a letter's stroke is larger.
  int dot_pixels = std::max(2, dpi * dpi / 10000);
  Components ink(gray < 128);
  // Light greys dither to black dots on paper, dark ones to paper dots in black.
  cv::Mat dots = ink.NoLargerThan(dot_pixels) | Components(gray >= 128).NoLargerThan(dot_pixels);
  // Where dots are many, the page was grey: a window a tenth of an inch wide with six or more (a
  // dithered light grey puts thirty there, the broken strokes of faint type a few).
  int window = std::max(5, dpi / 10) | 1;
  cv::Mat density;
  cv::boxFilter(dots / 255, density, CV_32F, {window, window}, {-1, -1}, false);
  cv::Mat halftone = density >= 6.0f;
  cv::dilate(halftone, halftone, cv::getStructuringElement(cv::MORPH_RECT, {window, window}));
  // There the dots are averaged back into the grey they stood for, the type over them kept dark.
  // Elsewhere the page is softened a little: a 1-bit letter's stair-stepped edges read better as
  // the grey edges a scanner gives.
  double pixel = dpi / 204.0;  // a fax's pixel at this page's resolution
  cv::Mat averaged, softened;
  cv::GaussianBlur(gray, averaged, {0, 0}, 1.2 * pixel);
  cv::GaussianBlur(gray, softened, {0, 0}, 0.8 * pixel);
  averaged.copyTo(softened, halftone);
  softened.setTo(255, ink.NoLargerThan(dot_pixels / 4) & ~halftone);
  softened.copyTo(gray);
}

int InvertDarkBands(GrayImage& image, int dpi) {
  if (image.empty()) return 0;
  cv::Mat gray = ViewOf(image);
  // Dark is darker than half the paper around it, the paper being the lightest shade within an
  // inch (a band is at most that tall): in a photograph's shadow the paper is grey, not dark.
  cv::Mat small, paper;
  cv::resize(gray, small, cv::Size(), 0.25, 0.25, cv::INTER_AREA);
  int inch = std::max(3, dpi / 4) | 1;
  cv::dilate(small, paper, cv::getStructuringElement(cv::MORPH_RECT, {inch, inch}));
  cv::resize(paper, paper, gray.size(), 0, 0, cv::INTER_LINEAR);
  cv::Mat dark(gray.size(), CV_8UC1);
  for (int y = 0; y < gray.rows; ++y) {  // in integers, without 16-bit copies of the page
    const std::uint8_t* level = gray.ptr<std::uint8_t>(y);
    const std::uint8_t* around = paper.ptr<std::uint8_t>(y);
    std::uint8_t* out = dark.ptr<std::uint8_t>(y);
    for (int x = 0; x < gray.cols; ++x) out[x] = 2 * level[x] < around[x] ? 255 : 0;
  }
  // Closed along rows by more than a letter's width, white type in a band fills in: the band is one
  // region. (So is a line of black type; what is in the region tells the two apart below.)
  cv::Mat region_mask;
  cv::morphologyEx(dark, region_mask, cv::MORPH_CLOSE,
                   cv::getStructuringElement(cv::MORPH_RECT, {std::max(9, dpi / 6), 1}));
  // The band itself is dark in blocks wider than any stroke (between its headings, above and below
  // them); a rule and the type it underlines are not, even where a skewed rule's rows look solid.
  cv::Mat blocks;
  int thickest_stroke = std::max(5, dpi / 25);
  cv::erode(dark, blocks, cv::getStructuringElement(cv::MORPH_RECT, {thickest_stroke, thickest_stroke}));
  cv::dilate(blocks, blocks, cv::getStructuringElement(cv::MORPH_RECT, {thickest_stroke, thickest_stroke}));
  std::vector<std::vector<cv::Point>> outlines;
  cv::findContours(region_mask, outlines, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  int inverted = 0;
  for (size_t i = 0; i < outlines.size(); ++i) {
    cv::Rect box = cv::boundingRect(outlines[i]);
    // A band of a heading or a table's header: an inch or more wide, a line of type to an inch tall.
    if (box.width < dpi || box.height < dpi / 12 || box.height > dpi) continue;
    cv::Mat inside = cv::Mat::zeros(box.size(), CV_8UC1);
    cv::drawContours(inside, outlines, static_cast<int>(i), 255, cv::FILLED, cv::LINE_8, cv::noArray(), 0, -box.tl());
    double area = std::max(1, cv::countNonZero(inside));
    double dark_share = cv::countNonZero(dark(box) & inside) / area;
    double block_share = cv::countNonZero(blocks(box) & inside) / area;
    // Mostly dark (all dark is a bar with nothing in it), in blocks, and what is light in it
    // enclosed: type set white in a band is, while the paper between black letters opens onto the
    // paper above and below them.
    if (dark_share < 0.5 || dark_share > 0.97 || block_share < 0.2 || EnclosedShare(~dark(box), inside) < 0.6) continue;
    cv::Mat region = gray(box), flipped;
    cv::bitwise_not(region, flipped);
    flipped.copyTo(region, inside);
    ++inverted;
  }
  return inverted;
}

}  // namespace shoebox::prepare
