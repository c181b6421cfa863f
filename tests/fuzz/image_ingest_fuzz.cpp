// Fuzz target: an image file of any bytes (PNG, JPEG, TIFF, HEIC as sniffed), each page of it
// loaded and prepared for reading as scan does, without the OCR engine. Whatever an engine throws is
// a page's reason in the runner, so it is caught here as there; anything else is a crash.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <vector>

#include "pipeline/reading/ingest.hpp"
#include "pipeline/reading/prepare.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace shoebox;
  ingest::Options options;
  // Small pages keep each run fast; the limits are the product's, only lower.
  options.limits.max_pixels_per_page = 4'000'000;
  options.limits.max_pages = 4;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (ingest::SniffMediaType(bytes) == ingest::MediaType::kPdf) return 0;  // the PDF target's
  try {
    auto source = ingest::Open(std::move(bytes), options);
    if (!source) return 0;
    for (int index = 0; index < std::min((*source)->PageCount(), options.limits.max_pages); ++index) {
      Result<Page> page = (*source)->LoadPage(index);
      if (!page || prepare::TooSmallToRead(*page)) continue;
      prepare::Options prepare_options;
      prepare_options.defer_unsure_orientation = true;
      Page prepared = prepare::Prepare(std::move(page).value(), nullptr, prepare_options);
      std::vector<BoxPx> marks = prepare::FindMarks(prepared.image);
      prepare::LooksLikePicture(prepare::CountMarks(marks, prepared.dpi));
      prepare::EraseLeaderDots(prepared.image, marks, prepared.dpi);
    }
  } catch (const std::exception&) {
  }
  return 0;
}
