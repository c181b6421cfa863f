// A GrayImage as OpenCV sees it, for prepare's OpenCV files only (it brings in OpenCV's core).
#pragma once

#include <opencv2/core.hpp>

#include <cstdint>

#include "pipeline/core/image.hpp"

namespace shoebox::prepare {

// The image's pixels as a cv::Mat, not a copy: what is drawn on the view is drawn on the image.
inline cv::Mat ViewOf(GrayImage& image) { return cv::Mat(image.height, image.width, CV_8UC1, image.pixels.data()); }

// The same, to be read only.
inline const cv::Mat ViewOf(const GrayImage& image) {
  return cv::Mat(image.height, image.width, CV_8UC1, const_cast<std::uint8_t*>(image.pixels.data()));
}

// A copy of an 8-bit, one-channel mat as a GrayImage.
inline GrayImage FromMat(const cv::Mat& mat) {
  GrayImage image = MakeGrayImage(mat.cols, mat.rows);
  mat.copyTo(ViewOf(image));
  return image;
}

}  // namespace shoebox::prepare
