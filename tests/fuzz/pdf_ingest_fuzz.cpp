// Fuzz target: a PDF of any bytes through the Poppler adapter: opened, each page's text layer read
// and, where it has none worth believing, drawn. Poppler's own exceptions are a file's or page's
// reason in the runner, so they are caught here as there; anything else is a crash. A deadline
// bounds each input as --file-timeout bounds a file.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>

#include "pipeline/reading/ingest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace shoebox;
  ingest::Options options;
  options.render_dpi = 36;  // drawing is exercised the same at a low resolution, and fast
  options.limits.max_pages = 4;
  options.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  try {
    auto source = ingest::OpenPdf(std::make_shared<const std::string>(reinterpret_cast<const char*>(data), size),
                                  options);
    if (!source) return 0;
    for (int index = 0; index < std::min((*source)->PageCount(), options.limits.max_pages); ++index) {
      (*source)->LoadPage(index);
    }
  } catch (const std::exception&) {
  }
  return 0;
}
