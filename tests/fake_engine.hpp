// A fake OCR engine for runner and watch tests: every page reads as the same short statement (with
// a separator row under it), or fails when asked to. Counts the engines made so tests can check
// each worker makes one.
#pragma once

#include <atomic>
#include <memory>

#include "pipeline/reading/ocr.hpp"
#include "pipeline/app/runner.hpp"

namespace shoebox::testing {

class FakeEngine : public ocr::Engine {
 public:
  explicit FakeEngine(bool fail) : fail_(fail) {}
  Result<std::vector<Word>> Recognize(const GrayImage&, int) override {
    if (fail_) return MakeError("ocr: tesseract failed to recognize the page");
    return std::vector<Word>{{"Statement", {10, 10, 100, 30}, 0.9},
                             {"Date", {110, 10, 160, 30}, 0.9},
                             {"Amount", {10, 50, 100, 70}, 0.9},
                             {"Due", {110, 50, 160, 70}, 0.9},
                             {"$12.00", {400, 50, 480, 70}, 0.9},
                             {"Patient", {10, 90, 100, 110}, 0.9},
                             {"Avery", {110, 90, 170, 110}, 0.9},
                             {"-----------------", {10, 130, 480, 140}, 0.6}};  // a separator row
  }
  // The fake reads everything on its first reading: a second look finds nothing more.
  Result<std::vector<Word>> RecognizeBlock(const GrayImage&, int) override { return std::vector<Word>{}; }
  Result<ocr::Orientation> DetectOrientation(const GrayImage&, int) override { return ocr::Orientation{}; }

 private:
  bool fail_;
};

inline runner::Options FakeOptions(bool fail, std::atomic<int>* engines_made) {
  runner::Options options;
  options.jobs = 2;
  options.make_engine = [=]() -> Result<std::unique_ptr<ocr::Engine>> {
    ++*engines_made;
    return std::unique_ptr<ocr::Engine>(std::make_unique<FakeEngine>(fail));
  };
  return options;
}

}  // namespace shoebox::testing
