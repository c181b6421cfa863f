// ocr: an upright page image → words with boxes and confidence in [0, 1].
// Engine is the seam for tests (a fake) and for the worker pool (one real engine per worker,
// created once and reused for every page). An Engine is not thread-safe; use one per thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pipeline/core/image.hpp"
#include "pipeline/core/page.hpp"
#include "pipeline/core/result.hpp"

namespace shoebox::ocr {

struct Orientation {
  int rotate_clockwise_degrees = 0;  // 0/90/180/270: the turn that makes the page upright
  double confidence = 0;             // [0, 1]
};

class Engine {
 public:
  virtual ~Engine() = default;
  // A page of forms: text anywhere, in no particular order (Tesseract's sparse-text mode).
  virtual Result<std::vector<Word>> Recognize(const GrayImage& image, int dpi) = 0;
  // A block of lines read top to bottom (Tesseract's uniform-block mode): the strip of marks the
  // page's reading left without words (see second_look.hpp).
  virtual Result<std::vector<Word>> RecognizeBlock(const GrayImage& image, int dpi) = 0;
  virtual Result<Orientation> DetectOrientation(const GrayImage& image, int dpi) = 0;
};

struct EngineOptions {
  std::string language = "eng";
  int max_seconds_per_page = 120;  // a hostile or pathological page is given up, not waited on
  std::string tessdata_dir;  // empty: Tesseract's default (TESSDATA_PREFIX or the packaged path)
};

// The Tesseract adapter: the only place that includes Tesseract headers.
Result<std::unique_ptr<Engine>> MakeTesseractEngine(const EngineOptions& options);

}  // namespace shoebox::ocr
