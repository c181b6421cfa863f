// What the generator's raster render modes share (render.cpp), and the fax mode (fax.cpp).
#pragma once

#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "tools/samplegen/samplegen.hpp"

namespace samplegen {

// The page drawn in grey at `dpi` on white.
cv::Mat RenderGray(const PageSpec& page, int dpi);

// Rotates content by angle_degrees counter-clockwise about the centre, keeping the page size and
// filling the corners with `paper`.
cv::Mat Skew(const cv::Mat& gray, double angle_degrees, int paper);

// Gaussian sensor noise of `sigma` grey levels, drawn from `rng`.
void AddNoise(cv::Mat& gray, double sigma, Rng& rng);

// The pages as one fax, written to `path` as a 1-bit TIFF of one page per sheet; each page's
// truth gains its strength, resolution and transmission header.
void RenderFax(const std::vector<PageSpec>& pages, Rng& rng, const std::string& path, Json& truth);

}  // namespace samplegen
