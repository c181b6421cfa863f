// report, evidence part: re-reads a page of the original file the way the pipeline read it and
// cuts out the region around a figure, boxed. The only part of report that includes OpenCV (to
// draw) and Leptonica (to write the PNG: OpenCV's image codecs would load GDAL and a DICOM library
// with every start of the program, about 0.15 s).
#include <leptonica/allheaders.h>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <climits>
#include <fstream>
#include <sstream>

#include "pipeline/reading/ingest.hpp"
#include "pipeline/reading/prepare.hpp"
#include "pipeline/present/report.hpp"

namespace shoebox::report {
namespace {

// A colour image (OpenCV's BGR) as PNG bytes.
std::optional<std::string> ColourPng(const cv::Mat& bgr) {
  Pix* pix = pixCreate(bgr.cols, bgr.rows, 32);
  if (pix == nullptr) return std::nullopt;
  for (int y = 0; y < bgr.rows; ++y) {
    l_uint32* line = pixGetData(pix) + static_cast<size_t>(y) * pixGetWpl(pix);
    const cv::Vec3b* row = bgr.ptr<cv::Vec3b>(y);
    for (int x = 0; x < bgr.cols; ++x) composeRGBPixel(row[x][2], row[x][1], row[x][0], line + x);
  }
  l_uint8* data = nullptr;
  size_t size = 0;
  bool written = pixWriteMemPng(&data, &size, pix, 0.0) == 0;
  pixDestroy(&pix);
  if (!written) return std::nullopt;
  std::string png(reinterpret_cast<char*>(data), size);
  lept_free(data);
  return png;
}

}  // namespace

std::optional<std::string> EvidencePng(const PageReplay& replay, const BoxPx& box) {
  if (box.empty() || replay.page_number < 1) return std::nullopt;
  std::ifstream in(replay.source_path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  ingest::Options options;
  if (replay.dpi > 0) options.render_dpi = replay.dpi;
  // A text-layer page's boxes are on the grid of its dpi: render it on the same grid.
  if (replay.text_layer) options.min_text_layer_chars = INT_MAX;
  auto source = ingest::Open(bytes.str(), options);
  if (!source || replay.page_number > (*source)->PageCount()) return std::nullopt;
  auto loaded = (*source)->LoadPage(replay.page_number - 1);
  if (!loaded || loaded->image.empty()) return std::nullopt;
  Page page = std::move(loaded).value();
  if (!replay.text_layer) {
    // The same preparation the words were read from, with the orientation the pipeline chose.
    prepare::Options prepare_options;
    prepare_options.known_rotation_degrees = replay.rotation_degrees;
    page = prepare::Prepare(std::move(page), nullptr, prepare_options);
  }
  const GrayImage& image = page.image;
  cv::Mat gray(image.height, image.width, CV_8UC1, const_cast<std::uint8_t*>(image.pixels.data()));
  // The figure with its line and the lines around it, the full width of the page: enough for the
  // person to see the label it belongs to.
  int context = std::max(3 * box.height(), image.height / 25);
  int top = std::clamp(box.y0 - context, 0, image.height - 1);
  int bottom = std::clamp(box.y1 + context, top + 1, image.height);
  cv::Mat region;
  cv::cvtColor(gray(cv::Range(top, bottom), cv::Range::all()), region, cv::COLOR_GRAY2BGR);
  int pad = std::max(4, box.height() / 4);
  cv::rectangle(region, cv::Point(box.x0 - pad, box.y0 - top - pad), cv::Point(box.x1 + pad, box.y1 - top + pad),
                cv::Scalar(0, 0, 220), std::max(3, image.width / 500));
  if (region.cols > 1000) {
    double scale = 1000.0 / region.cols;
    cv::resize(region, region, cv::Size(), scale, scale, cv::INTER_AREA);
  }
  return ColourPng(region);
}

}  // namespace shoebox::report
