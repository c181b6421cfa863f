// report, evidence part: re-reads a page of the original file the way the pipeline read it and
// cuts out the region around a figure, boxed. The only part of report that includes OpenCV.
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <climits>
#include <fstream>
#include <sstream>

#include "pipeline/ingest.hpp"
#include "pipeline/prepare.hpp"
#include "pipeline/report.hpp"

namespace shoebox::report {

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
  std::vector<unsigned char> png;
  if (!cv::imencode(".png", region, png)) return std::nullopt;
  return std::string(png.begin(), png.end());
}

}  // namespace shoebox::report
