// Tesseract adapter. Each TesseractEngine owns two TessBaseAPI instances, created once: one for
// recognition (LSTM, the configured language) and one for orientation (the "osd" model), because
// Tesseract's OSD needs the osd traineddata loaded as its own language.
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/osdetect.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>

#include "pipeline/reading/ocr.hpp"

namespace shoebox::ocr {
namespace {

struct TextDeleter {
  void operator()(char* text) const { delete[] text; }
};

// Tesseract's OSD confidence is an unbounded score (about 0–30, below ~2 unreliable); squash it
// into [0, 1] so a confidence means the same everywhere in the program.
double OrientationConfidence01(float raw) { return raw <= 0 ? 0.0 : 1.0 - std::exp(-raw / 5.0); }

class TesseractEngine : public Engine {
 public:
  Result<bool> Init(const EngineOptions& options) {
    const char* datapath = options.tessdata_dir.empty() ? nullptr : options.tessdata_dir.c_str();
    if (recognizer_.Init(datapath, options.language.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
      return MakeError("ocr: tesseract could not load language '" + options.language +
                       "' (is tesseract-ocr-" + options.language + " installed?)");
    }
    recognizer_.SetVariable("debug_file", "/dev/null");  // no "Estimating resolution" chatter
    // Sparse text: statements are forms, not prose. Automatic segmentation joins a label in one
    // column with a value in the next into one text line and misreads both; our layout stage
    // rebuilds lines from boxes anyway (the figures: docs/EVALUATION.md, "What changed the figures").
    recognizer_.SetPageSegMode(tesseract::PSM_SPARSE_TEXT);
    max_seconds_per_page_ = options.max_seconds_per_page;
    tessdata_dir_ = options.tessdata_dir;
    return true;
  }

  ~TesseractEngine() override {
    recognizer_.End();
    orienter_.End();
  }

  Result<std::vector<Word>> Recognize(const GrayImage& image, int dpi) override {
    return RecognizeAs(tesseract::PSM_SPARSE_TEXT, image, dpi);
  }

  Result<std::vector<Word>> RecognizeBlock(const GrayImage& image, int dpi) override {
    return RecognizeAs(tesseract::PSM_SINGLE_BLOCK, image, dpi);
  }

  Result<Orientation> DetectOrientation(const GrayImage& image, int dpi) override {
    // The orientation model is loaded when first asked for (85–220 ms a worker): most pages never
    // need it, their letter shapes having told which way is up.
    if (!osd_loaded_) {
      osd_loaded_ = true;
      osd_ready_ = orienter_.Init(tessdata_dir_.empty() ? nullptr : tessdata_dir_.c_str(), "osd",
                                  tesseract::OEM_TESSERACT_ONLY) == 0;
      if (osd_ready_) {
        orienter_.SetVariable("debug_file", "/dev/null");
        orienter_.SetPageSegMode(tesseract::PSM_OSD_ONLY);
      }
    }
    if (!osd_ready_) return MakeError("ocr: orientation model (osd) is not installed");
    if (image.empty()) return MakeError("ocr: empty image");
    orienter_.SetImage(image.pixels.data(), image.width, image.height, 1, image.width);
    orienter_.SetSourceResolution(dpi);
    int orient_degrees = 0;
    float orient_confidence = 0, script_confidence = 0;
    const char* script = nullptr;
    bool found = orienter_.DetectOrientationScript(&orient_degrees, &orient_confidence, &script, &script_confidence);
    orienter_.Clear();
    if (!found) return Orientation{};  // too little text to tell: leave the page as it is
    // Tesseract reports how far the page is turned clockwise from upright (its "Orientation in
    // degrees"); the turn back is the rest of the circle. Checked on tesseract-pages' -L/-R copies.
    return Orientation{(360 - orient_degrees % 360) % 360, OrientationConfidence01(orient_confidence)};
  }

 private:
  // One reading of the image in the given page-segmentation mode.
  Result<std::vector<Word>> RecognizeAs(tesseract::PageSegMode mode, const GrayImage& image, int dpi) {
    if (image.empty()) return MakeError("ocr: empty image");
    recognizer_.SetPageSegMode(mode);
    recognizer_.SetImage(image.pixels.data(), image.width, image.height, 1, image.width);
    recognizer_.SetSourceResolution(dpi);
    tesseract::ETEXT_DESC monitor;
    monitor.set_deadline_msecs(max_seconds_per_page_ * 1000);
    int status = recognizer_.Recognize(&monitor);
    if (monitor.deadline_exceeded()) {
      recognizer_.Clear();
      return MakeError("ocr: gave up after " + std::to_string(max_seconds_per_page_) + " seconds");
    }
    if (status != 0) {
      recognizer_.Clear();
      return MakeError("ocr: tesseract failed to recognize the page");
    }
    std::vector<Word> words;
    std::unique_ptr<tesseract::ResultIterator> it(recognizer_.GetIterator());
    if (it) {
      do {
        std::unique_ptr<char[], TextDeleter> text(it->GetUTF8Text(tesseract::RIL_WORD));
        if (!text || text[0] == '\0') continue;
        Word word;
        word.text = text.get();
        it->BoundingBox(tesseract::RIL_WORD, &word.box_px.x0, &word.box_px.y0, &word.box_px.x1, &word.box_px.y1);
        word.confidence = std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
        words.push_back(std::move(word));
      } while (it->Next(tesseract::RIL_WORD));
    }
    recognizer_.Clear();
    return words;
  }

  tesseract::TessBaseAPI recognizer_;
  tesseract::TessBaseAPI orienter_;
  std::string tessdata_dir_;
  bool osd_loaded_ = false;  // Init tried
  bool osd_ready_ = false;
  int max_seconds_per_page_ = 120;
};

}  // namespace

Result<std::unique_ptr<Engine>> MakeTesseractEngine(const EngineOptions& options) {
  auto engine = std::make_unique<TesseractEngine>();
  Result<bool> ready = engine->Init(options);
  if (!ready) return ready.error();
  return std::unique_ptr<Engine>(std::move(engine));
}

}  // namespace shoebox::ocr
