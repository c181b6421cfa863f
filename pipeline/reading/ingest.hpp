// ingest: bytes of one file → its pages. The type is sniffed from the bytes, never the file name.
// PDFs go through Poppler (ingest_pdf_poppler.cpp), images through Leptonica
// (ingest_image_leptonica.cpp), HEIC/HEIF/AVIF photos through libheif (ingest_image_heif.cpp).
// Pages are loaded one at a time so a long PDF is never held whole.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/core/page.hpp"
#include "pipeline/core/result.hpp"

namespace shoebox::ingest {

enum class MediaType { kPdf, kPng, kJpeg, kTiff, kHeic, kHeif, kAvif, kUnknown };
const char* MediaTypeName(MediaType type);  // "application/pdf", …, "" for unknown

MediaType SniffMediaType(std::string_view head);

// Guards against hostile or absurd files; each is a per-file or per-page failure, never a crash.
struct Limits {
  std::int64_t max_file_bytes = 1LL << 30;
  std::int64_t max_pixels_per_page = 120'000'000;  // ~ a 30x40 inch page at 300 dpi
  int max_pages = 2000;
};

struct Options {
  int render_dpi = 300;  // PDF pages without a text layer are rendered at this resolution
  // A PDF page counts as having a text layer when it holds at least this many letters and digits.
  int min_text_layer_chars = 20;
  Limits limits;
  // Past this moment Poppler stops interpreting a page's content and the page fails: a file's
  // time budget (the runner's file_timeout) reaches into the engine that can spend it.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

class PageSource {
 public:
  virtual ~PageSource() = default;
  virtual int PageCount() const = 0;
  // index is 0-based; the Page's number is index + 1. A failed page is an Error naming the page.
  virtual Result<Page> LoadPage(int index) = 0;
};

// A PDF text layer worth believing: at least min_chars letters and digits, and words that look
// like words. A layer of private-use or replacement characters (a font without a Unicode map), or
// of letter soup without vowels (shifted glyph codes), is read by OCR instead.
bool TextLayerLooksSound(const std::vector<Word>& words, int min_chars);

// Opens a file's bytes; the Error is one lowercase line without the file name (the caller adds it).
// Sources opened from the same shared bytes read them in place: the workers that share a long
// file's pages each open a source of their own, not a copy of the file.
Result<std::unique_ptr<PageSource>> Open(std::shared_ptr<const std::string> bytes, const Options& options);
Result<std::unique_ptr<PageSource>> Open(std::string bytes, const Options& options);

// The resolution an image states, or, when it states none that is plausible, the one that makes it
// a US letter sheet (8.5 inches across its shorter side): paperwork is letter-sized, and a fax or
// phone picture saved without a resolution is read at the size its text really has.
int PlausibleDpi(int stated, int width, int height);

// The adapters behind Open, one per engine.
Result<std::unique_ptr<PageSource>> OpenPdf(std::shared_ptr<const std::string> bytes, const Options& options);
Result<std::unique_ptr<PageSource>> OpenImage(std::shared_ptr<const std::string> bytes, MediaType type,
                                              const Options& options);
Result<std::unique_ptr<PageSource>> OpenHeif(std::shared_ptr<const std::string> bytes, const Options& options);

}  // namespace shoebox::ingest

namespace shoebox {
// Encodes as PNG (through Leptonica) and writes it with mode 0600: page images are private.
bool WritePrivatePng(const GrayImage& image, const std::string& path);
}  // namespace shoebox
