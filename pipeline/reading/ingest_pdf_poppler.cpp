// PDFs through Poppler. A page whose text layer holds real text gives its words and boxes
// directly (no rendering, no OCR); other pages become 8-bit gray at the chosen dpi. A page that is
// one upright JPEG (what scanners and scanning apps write) is decoded directly (Leptonica); any other
// page is drawn by Poppler at the resolution of the image covering it, if lower than the chosen
// dpi. Either way the result is then scaled to the chosen dpi (cubic when enlarging: sharper
// letters read better). Poppler drawing a 200 dpi scan at 300 dpi took 188 ms a page; all of ingest
// now takes about 36 (docs/BENCHMARKS.md). Poppler's own diagnostics are silenced:
// failures travel as one-line Results.
//
// poppler-cpp opens the file and measures its pages; Poppler's core API (PDFDoc, OutputDev) reads
// their text, draws them and finds their images, which poppler-cpp does not show, and it is told to
// stop when the file's time is up (Options::deadline), which poppler-cpp cannot be.
#include <GfxState.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <SplashOutputDev.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <opencv2/imgproc.hpp>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <splash/SplashBitmap.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <mutex>
#include <optional>

#include "pipeline/reading/ingest.hpp"
#include "pipeline/reading/leptonica_pix.hpp"

namespace shoebox::ingest {
namespace {

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

using Deadline = std::chrono::steady_clock::time_point;

// Poppler's abort check: whether the moment given has passed.
bool PastDeadline(void* deadline) { return std::chrono::steady_clock::now() >= *static_cast<const Deadline*>(deadline); }

// A Poppler device that passes over every form XObject once the deadline is past. Poppler's abort
// check counts the operators of one content stream, and a form that draws a form resets that
// count, so forms nested in forms (a file made to stall readers) would run to their end unchecked.
template <typename Device>
class StopsAtDeadline : public Device {
 public:
  template <typename... Args>
  explicit StopsAtDeadline(const Deadline& deadline, Args&&... args)
      : Device(std::forward<Args>(args)...), deadline_(deadline) {}
  bool useDrawForm() override { return std::chrono::steady_clock::now() >= deadline_; }
  void drawForm(Ref) override {}

 private:
  const Deadline& deadline_;
};

// Interprets a page's content without drawing it, noting each image as it would be drawn: its
// pixels over the size it is drawn at (as pdfimages -list reports). Images are not decoded, except
// that a page which is one upright JPEG covering it, with nothing drawn over it, keeps the JPEG's
// bytes: what a scanner or a phone's scanning app writes, decoded directly at a fraction of the
// cost of Poppler drawing it.
struct PageImages {
  double largest_area = 0;  // of the largest image, as drawn, in square points
  double largest_ppi = 0;   // its resolution: the finer of its two axes
  std::string jpeg;         // the page as one JPEG, when it is that
  int jpeg_width = 0, jpeg_height = 0;
};

class PageImagesDevice : public OutputDev {
 public:
  explicit PageImagesDevice(double page_width, double page_height) : page_width_(page_width), page_height_(page_height) {}

  bool upsideDown() override { return true; }
  bool useDrawChar() override { return false; }
  bool interpretType3Chars() override { return false; }
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* color_map,
                 bool interpolate, const int* mask_colors, bool inline_image) override {
    Note(state, width, height);
    if (images_ == 1 && mask_colors == nullptr && !inline_image && CoversThePageUpright(state) &&
        IsPlainJpeg(str, color_map)) {
      found.jpeg.clear();
      str->getNextStream()->fillString(found.jpeg);  // the bytes under the DCT filter: the JPEG file
      found.jpeg_width = width, found.jpeg_height = height;
    }
    // The base skips an inline image's data so the content stream reads on.
    OutputDev::drawImage(state, ref, str, width, height, color_map, interpolate, mask_colors, inline_image);
  }
  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert, bool interpolate,
                     bool inline_image) override {
    Note(state, width, height);
    OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_image);
  }
  void drawMaskedImage(GfxState* state, Object*, Stream*, int width, int height, GfxImageColorMap*, bool, Stream*, int,
                       int, bool, bool) override {
    Note(state, width, height);
  }
  void drawSoftMaskedImage(GfxState* state, Object*, Stream*, int width, int height, GfxImageColorMap*, bool, Stream*,
                           int, int, GfxImageColorMap*, bool) override {
    Note(state, width, height);
  }
  // Anything drawn after the page's image would be lost by decoding the image alone. (What is
  // drawn before, a white background say, the opaque image covers.)
  void stroke(GfxState*) override { found.jpeg.clear(); }
  void fill(GfxState*) override { found.jpeg.clear(); }
  void eoFill(GfxState*) override { found.jpeg.clear(); }
  void drawString(GfxState* state, const GooString*) override {
    if (state->getRender() != 3) found.jpeg.clear();  // 3: invisible text, as an OCR layer is
  }

  PageImages found;

 private:
  void Note(GfxState* state, int width, int height) {
    ++images_;
    found.jpeg.clear();  // a second image: not a page of one JPEG
    // The image's unit square as drawn on a 72 dpi device: its sides' lengths are in points.
    const double* m = state->getCTM();
    double across = std::hypot(m[0], m[1]), down = std::hypot(m[2], m[3]);
    if (!(across > 0 && down > 0) || across * down <= found.largest_area) return;
    found.largest_area = across * down;
    found.largest_ppi = 72.0 * std::max(width / across, height / down);
  }

  // Drawn unturned and unflipped over the whole page (within a point), the image's first row at
  // the top: on this upside-down device the unit square's y axis points up the page.
  bool CoversThePageUpright(GfxState* state) const {
    const double* m = state->getCTM();
    auto near = [](double a, double b) { return std::fabs(a - b) <= 1.0; };
    return near(m[1], 0) && near(m[2], 0) && m[0] > 0 && m[3] < 0 && near(m[4], 0) && near(m[0], page_width_) &&
           near(m[5], page_height_) && near(-m[3], page_height_);
  }

  // Gray or RGB in 8 bits, DCT-compressed, with the default decode range.
  static bool IsPlainJpeg(Stream* str, GfxImageColorMap* color_map) {
    if (str->getKind() != strDCT || str->getNextStream() == nullptr || color_map == nullptr) return false;
    int components = color_map->getNumPixelComps();
    if ((components != 1 && components != 3) || color_map->getBits() != 8) return false;
    GfxColorSpaceMode mode = color_map->getColorSpace()->getMode();
    if (mode != csDeviceGray && mode != csDeviceRGB && mode != csCalGray && mode != csCalRGB && mode != csICCBased) {
      return false;
    }
    for (int i = 0; i < components; ++i) {
      if (color_map->getDecodeLow(i) != 0 || color_map->getDecodeHigh(i) != 1) return false;
    }
    return true;
  }

  double page_width_, page_height_;
  int images_ = 0;
};

class PdfPageSource : public PageSource {
 public:
  PdfPageSource(std::shared_ptr<const std::string> bytes, std::unique_ptr<poppler::document> document,
                Options options)
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

    std::vector<Word> words = TextLayerWords(index, scale);
    if (TimeIsUp()) return MakeError(where + kTimeIsUp);
    if (TextLayerLooksSound(words, options_.min_text_layer_chars)) {
      page.text_source = TextSource::kTextLayer;
      page.decoder = "poppler (text layer)";
      page.words = std::move(words);
      return page;
    }

    page.text_source = TextSource::kOcr;
    PageImages images = LookAtImages(index, rect.width(), rect.height());
    if (TimeIsUp()) return MakeError(where + kTimeIsUp);
    cv::Mat drawn;                 // the page at whatever resolution it was first drawn at
    std::unique_ptr<SplashBitmap> rendered;  // holds the pixels `drawn` points into, when Poppler drew them
    cv::Size size;                 // the page at the chosen dpi
    GrayImage decoded;             // the page's JPEG, when it is one
    std::int64_t jpeg_pixels = static_cast<std::int64_t>(images.jpeg_width) * images.jpeg_height;
    if (!images.jpeg.empty() && jpeg_pixels <= options_.limits.max_pixels_per_page) {  // else drawn at the page's size
      // Leptonica's JPEG reader (libjpeg): the luminance only, which is the gray page.
      leptonica::SilenceMessages();
      leptonica::PixPtr pix(pixReadMemJpeg(reinterpret_cast<const l_uint8*>(images.jpeg.data()), images.jpeg.size(), 0,
                                           1, nullptr, L_JPEG_READ_LUMINANCE));
      if (pix) decoded = leptonica::ToGrayImage(pix.get());
      if (decoded.width == images.jpeg_width && decoded.height == images.jpeg_height) {
        drawn = cv::Mat(decoded.height, decoded.width, CV_8UC1, decoded.pixels.data());
        size = {page.width_px, page.height_px};  // the JPEG covers the page, which is not turned
        page.decoder = "leptonica (the PDF's JPEG)";
      }
    }
    if (drawn.empty()) {
      // Drawn at the resolution of the image that covers most of the page, if lower: within a
      // tenth of the chosen dpi the saving is small and the rescale would blur for nothing.
      int render_dpi = page.dpi;
      if (images.largest_area >= 0.5 * rect.width() * rect.height() && images.largest_ppi < 0.9 * page.dpi) {
        render_dpi = std::max(72, static_cast<int>(std::lround(images.largest_ppi)));
      }
      rendered = Draw(index, render_dpi);
      page.decoder = "poppler";
      if (TimeIsUp()) return MakeError(where + kTimeIsUp);
      if (!rendered || rendered->getWidth() <= 0 || rendered->getHeight() <= 0) {
        return MakeError(where + "page could not be rendered");
      }
      drawn = cv::Mat(rendered->getHeight(), rendered->getWidth(), CV_8UC1, rendered->getDataPtr(),
                      static_cast<size_t>(rendered->getRowSize()));
      // The size it would have been drawn at the chosen dpi (after any /Rotate the page carries).
      double up = static_cast<double>(page.dpi) / render_dpi;
      size = {static_cast<int>(std::lround(rendered->getWidth() * up)),
              static_cast<int>(std::lround(rendered->getHeight() * up))};
    }
    page.image = MakeGrayImage(size.width, size.height);
    cv::Mat image(size, CV_8UC1, page.image.pixels.data());
    if (drawn.size() == size) {
      drawn.copyTo(image);
    } else {
      cv::resize(drawn, image, size, 0, 0, drawn.cols > size.width ? cv::INTER_AREA : cv::INTER_CUBIC);
    }
    page.width_px = page.image.width;
    page.height_px = page.image.height;
    return page;
  }

 private:
  static constexpr const char* kTimeIsUp = "not read: the file's time ran out";

  bool TimeIsUp() const { return std::chrono::steady_clock::now() >= options_.deadline; }

  // Poppler's core over the same bytes, opened when first needed; null where it cannot read the
  // file or has no such page.
  PDFDoc* Core(int index) {
    if (!core_document_) {
      Object no_dictionary;
      core_document_ = std::make_unique<PDFDoc>(
          new MemStream(bytes_->data(), 0, static_cast<Goffset>(bytes_->size()), std::move(no_dictionary)));
    }
    if (!core_document_->isOk() || index + 1 > core_document_->getNumPages()) return nullptr;
    return core_document_.get();
  }

  // Interprets the page's content for `device` (crop box, unturned beyond the page's own /Rotate)
  // until the deadline.
  void Display(PDFDoc& core, OutputDev& device, int index, double dpi, bool crop) {
    core.displayPageSlice(&device, index + 1, dpi, dpi, 0, /*useMediaBox=*/false, crop, /*printing=*/false, -1, -1,
                          -1, -1, PastDeadline, &options_.deadline);
  }

  // The words of the page's text layer, in pixels at `scale` pixels per point, as poppler-cpp's
  // text_list reads them (not cropped).
  std::vector<Word> TextLayerWords(int index, double scale) {
    std::vector<Word> words;
    PDFDoc* core = Core(index);
    if (core == nullptr) return words;
    StopsAtDeadline<TextOutputDev> device(options_.deadline, nullptr, /*physLayoutA=*/false, /*fixedPitchA=*/0,
                                          /*rawOrderA=*/false, /*append=*/false);
    if (!device.isOk()) return words;
    Display(*core, device, index, 72, /*crop=*/false);
    std::unique_ptr<TextWordList> list = device.makeWordList();
    for (int i = 0; list && i < list->getLength(); ++i) {
      TextWord* found = list->get(i);
      std::unique_ptr<GooString> text(found->getText());
      Word word;
      word.text = text ? text->toStr() : std::string();  // UTF-8, Poppler's default text encoding
      if (word.text.empty()) continue;
      double left, top, right, bottom;
      found->getBBox(&left, &top, &right, &bottom);
      // A damaged or hostile text layer can place a word anywhere, infinity included: a word whose
      // box lies beyond a million pixels is on no page, and its box would not fit an int.
      bool placed = true;
      for (double edge : {left, top, right, bottom}) placed = placed && std::isfinite(edge) && std::fabs(edge * scale) < 1e6;
      if (!placed) continue;
      word.box_px = {static_cast<int>(std::floor(left * scale)), static_cast<int>(std::floor(top * scale)),
                     static_cast<int>(std::ceil(right * scale)), static_cast<int>(std::ceil(bottom * scale))};
      word.confidence = 1.0;
      words.push_back(std::move(word));
    }
    return words;
  }

  // The page drawn in 8-bit gray at `dpi`, antialiased, on white paper (poppler-cpp's renderer
  // with its antialiasing hints, stoppable).
  std::unique_ptr<SplashBitmap> Draw(int index, int dpi) {
    PDFDoc* core = Core(index);
    if (core == nullptr) return nullptr;
    SplashColor paper = {0xff, 0xff, 0xff};
    StopsAtDeadline<SplashOutputDev> device(options_.deadline, splashModeMono8, /*bitmapRowPadA=*/4,
                                            /*reverseVideoA=*/false, paper);
    device.setFontAntialias(true);
    device.setVectorAntialias(true);
    device.setFreeTypeHinting(false, false);
    device.startDoc(core);
    Display(*core, device, index, dpi, /*crop=*/true);
    return std::unique_ptr<SplashBitmap>(device.takeBitmap());
  }

  // The page's images as it would draw them; nothing found where the core cannot read the file.
  PageImages LookAtImages(int index, double page_width, double page_height) {
    PDFDoc* core = Core(index);
    if (core == nullptr) return {};
    StopsAtDeadline<PageImagesDevice> device(options_.deadline, page_width, page_height);
    Display(*core, device, index, 72, /*crop=*/true);
    if (core->getPageRotate(index + 1) != 0) device.found.jpeg.clear();
    return std::move(device.found);
  }

  // The configured dpi, lowered for pages so large that it would exceed the pixel limit.
  int ChooseDpi(double width_points, double height_points) const {
    double pixels_at_72 = width_points * height_points;
    double max_dpi = 72.0 * std::sqrt(static_cast<double>(options_.limits.max_pixels_per_page) / pixels_at_72);
    return std::max(36, std::min(options_.render_dpi, static_cast<int>(max_dpi)));
  }

  std::shared_ptr<const std::string> bytes_;  // poppler reads from this buffer for the document's lifetime
  std::unique_ptr<poppler::document> document_;
  std::unique_ptr<PDFDoc> core_document_;  // the same bytes through Poppler's core, opened when first needed
  Options options_;
};

}  // namespace

Result<std::unique_ptr<PageSource>> OpenPdf(std::shared_ptr<const std::string> bytes, const Options& options) {
  SilencePoppler();
  if (bytes->size() > static_cast<size_t>(std::numeric_limits<int>::max())) return MakeError("pdf is too large");
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes->data(), static_cast<int>(bytes->size())));
  if (!document) {
    // Poppler refuses an encrypted file it cannot open with an empty password before we can ask
    // is_locked(); a trailer /Encrypt entry tells that case apart from a damaged file.
    if (bytes->find("/Encrypt") != std::string::npos) {
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
