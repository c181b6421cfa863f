// prepare, OpenCV part: find the sheet of paper in a photograph and flatten its perspective, even
// out uneven light, scale and turn. With ruled_lines_opencv.cpp, the only files of prepare that include
// OpenCV.
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

#include "pipeline/reading/opencv_image.hpp"
#include "pipeline/reading/prepare.hpp"

namespace shoebox::prepare {
namespace {

// Corners ordered top-left, top-right, bottom-right, bottom-left.
std::vector<cv::Point2f> OrderCorners(const std::vector<cv::Point>& quad) {
  std::vector<cv::Point2f> points(quad.begin(), quad.end());
  std::vector<cv::Point2f> ordered(4);
  auto sum = [](const cv::Point2f& p) { return p.x + p.y; };
  auto diff = [](const cv::Point2f& p) { return p.y - p.x; };
  ordered[0] = *std::min_element(points.begin(), points.end(), [&](auto& a, auto& b) { return sum(a) < sum(b); });
  ordered[2] = *std::max_element(points.begin(), points.end(), [&](auto& a, auto& b) { return sum(a) < sum(b); });
  ordered[1] = *std::min_element(points.begin(), points.end(), [&](auto& a, auto& b) { return diff(a) < diff(b); });
  ordered[3] = *std::max_element(points.begin(), points.end(), [&](auto& a, auto& b) { return diff(a) < diff(b); });
  return ordered;
}

double Distance(const cv::Point2f& a, const cv::Point2f& b) { return std::hypot(a.x - b.x, a.y - b.y); }

}  // namespace

std::optional<GrayImage> FlattenSheet(const GrayImage& image, SheetInfo* info) {
  if (image.empty()) return std::nullopt;
  cv::Mat full = ViewOf(image);
  // Work on a small copy: the sheet's outline needs no detail.
  double scale = 1000.0 / std::max(image.width, image.height);
  cv::Mat small;
  cv::resize(full, small, cv::Size(), scale, scale, cv::INTER_AREA);
  cv::GaussianBlur(small, small, cv::Size(5, 5), 0);
  double frame_area = static_cast<double>(small.cols) * small.rows;
  // Two ways to see the sheet: brighter than the table (Otsu), and brighter than its surroundings
  // once large-scale light is divided out, for a shadow that darkens part of the paper below the
  // table's brightness.
  cv::Mat bright, local, surroundings;
  cv::threshold(small, bright, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  // Large-scale light, estimated on an eighth-size copy: a blur this wide at full size costs more
  // than the rest of the sheet search.
  cv::resize(small, surroundings, cv::Size(), 0.125, 0.125, cv::INTER_AREA);
  cv::GaussianBlur(surroundings, surroundings, cv::Size(0, 0), 5);
  cv::resize(surroundings, surroundings, small.size(), 0, 0, cv::INTER_LINEAR);
  cv::divide(small, surroundings, local, 128.0, CV_8UC1);
  cv::threshold(local, local, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  // Of the four-cornered outlines the two masks give, the larger: a shadow can only make the sheet
  // look smaller than it is.
  std::vector<cv::Point> quad;
  double area = 0;
  for (cv::Mat* mask : {&bright, &local}) {
    // Close the text into the paper so the sheet is one blob.
    cv::morphologyEx(*mask, *mask, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(25, 25)));
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(*mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    if (contours.empty()) continue;
    auto largest = std::max_element(contours.begin(), contours.end(), [](const auto& a, const auto& b) {
      return cv::contourArea(a) < cv::contourArea(b);
    });
    double candidate_area = cv::contourArea(*largest);
    // A sheet that fills (nearly) the whole frame is a scan: nothing to flatten.
    if (candidate_area < 0.2 * frame_area || candidate_area > 0.95 * frame_area || candidate_area <= area) continue;
    std::vector<cv::Point> candidate;
    double perimeter = cv::arcLength(*largest, true);
    for (double epsilon : {0.01, 0.02, 0.03, 0.05}) {
      cv::approxPolyDP(*largest, candidate, epsilon * perimeter, true);
      if (candidate.size() == 4) break;
    }
    if (candidate.size() == 4 && cv::isContourConvex(candidate)) quad = candidate, area = candidate_area;
  }
  if (quad.empty()) return std::nullopt;
  std::vector<cv::Point2f> corners = OrderCorners(quad);
  for (cv::Point2f& corner : corners) corner *= static_cast<float>(1.0 / scale);
  double width = std::max(Distance(corners[0], corners[1]), Distance(corners[3], corners[2]));
  double height = std::max(Distance(corners[0], corners[3]), Distance(corners[1], corners[2]));
  if (width < 200 || height < 200) return std::nullopt;
  std::vector<cv::Point2f> target = {{0, 0}, {static_cast<float>(width), 0},
                                     {static_cast<float>(width), static_cast<float>(height)},
                                     {0, static_cast<float>(height)}};
  cv::Mat warp = cv::getPerspectiveTransform(corners, target);
  cv::Mat flat;
  cv::warpPerspective(full, flat, warp, cv::Size(static_cast<int>(width), static_cast<int>(height)), cv::INTER_CUBIC,
                      cv::BORDER_REPLICATE);
  if (info != nullptr) {
    info->sheet_fraction = area / frame_area;
    for (int i = 0; i < 4; ++i) info->corners_px[i] = {static_cast<int>(corners[i].x), static_cast<int>(corners[i].y)};
    for (int i = 0; i < 9; ++i) info->photo_to_sheet.m[static_cast<size_t>(i)] = warp.at<double>(i / 3, i % 3);
  }
  return FromMat(flat);
}

GrayImage NormalizeBackground(const GrayImage& image) {
  if (image.empty()) return image;
  cv::Mat source = ViewOf(image);
  // The paper's brightness at each point: text removed by a closing wider than a stroke, then
  // smoothed. Dividing by it flattens shadows and falloff while keeping ink dark.
  double scale = 0.25;
  cv::Mat small, background;
  cv::resize(source, small, cv::Size(), scale, scale, cv::INTER_AREA);
  cv::morphologyEx(small, background, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(15, 15)));
  cv::GaussianBlur(background, background, cv::Size(0, 0), 8);
  cv::resize(background, background, source.size(), 0, 0, cv::INTER_LINEAR);
  cv::Mat normalized;
  cv::divide(source, background, normalized, 255.0, CV_8UC1);
  return FromMat(normalized);
}

GrayImage Rescale(const GrayImage& image, double factor) {
  if (image.empty() || factor == 1.0) return image;
  cv::Mat source = ViewOf(image), scaled;
  cv::resize(source, scaled, cv::Size(), factor, factor, factor < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
  return FromMat(scaled);
}

GrayImage RotateAboutCentre(const GrayImage& image, double degrees) {
  if (image.empty()) return image;
  cv::Mat source = ViewOf(image), turned;
  // OpenCV's angle is counter-clockwise; the centre is Leptonica's (w/2, h/2), which the page's
  // homography records.
  cv::Point2f centre(static_cast<float>(image.width / 2), static_cast<float>(image.height / 2));
  cv::warpAffine(source, turned, cv::getRotationMatrix2D(centre, -degrees, 1.0), source.size(), cv::INTER_LINEAR,
                 cv::BORDER_CONSTANT, cv::Scalar(255));
  return FromMat(turned);
}

}  // namespace shoebox::prepare
