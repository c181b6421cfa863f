// prepare: a page image as ingested → an upright, deskewed image ready for OCR.
// Orientation (0/90/180/270) comes from the OCR engine's orientation model and is applied only
// above a confidence threshold (a wrong turn makes a page worse than none); skew is found and
// removed by Leptonica. Angles and confidences are recorded on the page so a person can see them.
#pragma once

#include "pipeline/ocr.hpp"
#include "pipeline/page.hpp"

namespace shoebox::prepare {

struct Options {
  bool detect_orientation = true;
  double min_orientation_confidence = 0.35;  // in [0, 1]; ~Tesseract OSD score 2
  double max_skew_degrees = 15;
};

// Rotates the image clockwise by a multiple of 90 degrees.
GrayImage RotateClockwise(const GrayImage& image, int degrees);

struct Skew {
  double angle_degrees = 0;  // the skew found; the page is rotated by its negative
  double confidence = 0;     // [0, 1]
};
// Finds and removes skew up to max_degrees; a tiny or uncertain skew is left alone (a success).
GrayImage Deskew(const GrayImage& image, double max_degrees, Skew* found);

// Turns and straightens an OCR page in place of its image; text-layer pages pass through.
Page Prepare(Page page, ocr::Engine& engine, const Options& options);

}  // namespace shoebox::prepare
