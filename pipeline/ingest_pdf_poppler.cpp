// PDFs through poppler-cpp. A page whose text layer holds real text gives its words and boxes
// directly (no rendering, no OCR); other pages are rendered to 8-bit gray at the chosen dpi.
// Poppler's own diagnostics are silenced: failures travel as one-line Results.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <mutex>

#include "pipeline/ingest.hpp"

namespace shoebox::ingest {
namespace {

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

std::string ToUtf8(const poppler::ustring& text) {
  poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

class PdfPageSource : public PageSource {
 public:
  PdfPageSource(std::string bytes, std::unique_ptr<poppler::document> document, Options options)
      : bytes_(std::move(bytes)), document_(std::move(document)), options_(options) {}

  int PageCount() const override { return document_->pages(); }

  Result<Page> LoadPage(int index) override {
    std::string where = "page " + std::to_string(index + 1) + ": ";
    std::unique_ptr<poppler::page> pdf_page(document_->create_page(index));
    if (!pdf_page) return MakeError(where + "page object is missing or damaged");
    poppler::rectf rect = pdf_page->page_rect();
    if (!(rect.width() > 0 && rect.height() > 0) || rect.width() > 14400 || rect.height() > 14400) {
      return MakeError(where + "page size is not plausible");
    }
    Page page;
    page.number = index + 1;
    page.dpi = ChooseDpi(rect.width(), rect.height());
    double scale = page.dpi / 72.0;
    page.width_px = static_cast<int>(std::lround(rect.width() * scale));
    page.height_px = static_cast<int>(std::lround(rect.height() * scale));

    std::vector<Word> words;
    for (const poppler::text_box& box : pdf_page->text_list()) {
      Word word;
      word.text = ToUtf8(box.text());
      if (word.text.empty()) continue;
      poppler::rectf b = box.bbox();
      word.box_px = {static_cast<int>(std::floor(b.left() * scale)), static_cast<int>(std::floor(b.top() * scale)),
                     static_cast<int>(std::ceil(b.right() * scale)), static_cast<int>(std::ceil(b.bottom() * scale))};
      word.confidence = 1.0;
      words.push_back(std::move(word));
    }
    if (TextLayerLooksSound(words, options_.min_text_layer_chars)) {
      page.text_source = TextSource::kTextLayer;
      page.words = std::move(words);
      return page;
    }

    page.text_source = TextSource::kOcr;
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_gray8);
    poppler::image rendered = renderer.render_page(pdf_page.get(), page.dpi, page.dpi);
    if (!rendered.is_valid() || rendered.width() <= 0 || rendered.height() <= 0) {
      return MakeError(where + "page could not be rendered");
    }
    page.image = MakeGrayImage(rendered.width(), rendered.height());
    const char* data = rendered.const_data();
    for (int y = 0; y < rendered.height(); ++y) {
      std::memcpy(page.image.pixels.data() + static_cast<size_t>(y) * rendered.width(),
                  data + static_cast<size_t>(y) * rendered.bytes_per_row(), rendered.width());
    }
    page.width_px = page.image.width;
    page.height_px = page.image.height;
    return page;
  }

 private:
  // The configured dpi, lowered for pages so large that it would exceed the pixel limit.
  int ChooseDpi(double width_points, double height_points) const {
    double pixels_at_72 = width_points * height_points;
    double max_dpi = 72.0 * std::sqrt(static_cast<double>(options_.limits.max_pixels_per_page) / pixels_at_72);
    return std::max(36, std::min(options_.render_dpi, static_cast<int>(max_dpi)));
  }

  std::string bytes_;  // poppler reads from this buffer for the document's lifetime
  std::unique_ptr<poppler::document> document_;
  Options options_;
};

}  // namespace

Result<std::unique_ptr<PageSource>> OpenPdf(std::string bytes, const Options& options) {
  SilencePoppler();
  if (bytes.size() > static_cast<size_t>(std::numeric_limits<int>::max())) return MakeError("pdf is too large");
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) {
    // Poppler refuses an encrypted file it cannot open with an empty password before we can ask
    // is_locked(); a trailer /Encrypt entry tells that case apart from a damaged file.
    if (bytes.find("/Encrypt") != std::string::npos) {
      return MakeError("pdf is encrypted; decrypt it first (qpdf --decrypt in.pdf out.pdf)");
    }
    return MakeError("pdf is damaged or truncated and could not be opened");
  }
  if (document->is_locked()) return MakeError("pdf is encrypted; decrypt it first (qpdf --decrypt in.pdf out.pdf)");
  int pages = document->pages();
  if (pages <= 0) return MakeError("pdf has no pages");
  if (pages > options.limits.max_pages) {
    return MakeError("pdf has " + std::to_string(pages) + " pages, above the limit of " +
                     std::to_string(options.limits.max_pages));
  }
  return std::unique_ptr<PageSource>(std::make_unique<PdfPageSource>(std::move(bytes), std::move(document), options));
}

}  // namespace shoebox::ingest
