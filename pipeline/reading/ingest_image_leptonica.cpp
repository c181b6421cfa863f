// Images (PNG, JPEG, TIFF including multi-page) through Leptonica. Dimensions are read from the
// header before any pixel is decoded, so an absurd image is refused without allocating it.
#include <algorithm>
#include <cmath>
#include <fcntl.h>
#include <unistd.h>

#include <mutex>

#include "pipeline/reading/ingest.hpp"
#include "pipeline/reading/leptonica_pix.hpp"

namespace shoebox {
namespace leptonica {

void SilenceMessages() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

GrayImage ToGrayImage(Pix* pix) {
  GrayImage image;
  if (pix == nullptr) return image;
  PixPtr gray(pixGetDepth(pix) == 8 && pixGetColormap(pix) == nullptr ? pixClone(pix) : pixConvertTo8(pix, 0));
  if (!gray) return image;
  image = MakeGrayImage(pixGetWidth(gray.get()), pixGetHeight(gray.get()));
  int wpl = pixGetWpl(gray.get());
  l_uint32* data = pixGetData(gray.get());
  for (int y = 0; y < image.height; ++y) {
    l_uint32* row = data + static_cast<size_t>(y) * wpl;
    std::uint8_t* out = image.pixels.data() + static_cast<size_t>(y) * image.width;
    for (int x = 0; x < image.width; ++x) out[x] = static_cast<std::uint8_t>(GET_DATA_BYTE(row, x));
  }
  return image;
}

PixPtr ToPix(const GrayImage& image) {
  PixPtr pix(pixCreate(image.width, image.height, 8));
  if (!pix) return pix;
  int wpl = pixGetWpl(pix.get());
  l_uint32* data = pixGetData(pix.get());
  for (int y = 0; y < image.height; ++y) {
    l_uint32* row = data + static_cast<size_t>(y) * wpl;
    const std::uint8_t* in = image.pixels.data() + static_cast<size_t>(y) * image.width;
    for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(row, x, in[x]);
  }
  return pix;
}

}  // namespace leptonica

bool WritePrivatePng(const GrayImage& image, const std::string& path) {
  leptonica::SilenceMessages();
  leptonica::PixPtr pix = leptonica::ToPix(image);
  l_uint8* data = nullptr;
  size_t size = 0;
  if (!pix || pixWriteMem(&data, &size, pix.get(), IFF_PNG) != 0) return false;
  bool ok = WritePrivateFile(path, std::string(reinterpret_cast<const char*>(data), size));
  lept_free(data);
  return ok;
}

namespace ingest {
namespace {

// A standard-resolution fax is stored at 204 dpi across and 98 lines an inch down: shown as it is
// stored, every letter is half its height. Such a page is stretched to square pixels (linear
// interpolation on its grey levels, which gives the edges of a 1-bit page grey steps rather than
// doubled rows); the page is then the stretched image, for reading and for crops alike. Only
// resolutions up to two and a half times apart are a fax's: a file that claims more is read as
// stored rather than blown up.
leptonica::PixPtr SquarePixels(leptonica::PixPtr pix) {
  int x_res = pixGetXRes(pix.get()), y_res = pixGetYRes(pix.get());
  if (x_res <= 0 || y_res <= 0) return pix;
  double stretch = static_cast<double>(x_res) / y_res;
  if ((stretch > 0.87 && stretch < 1.15) || stretch > 2.5 || stretch < 0.4) return pix;
  leptonica::PixPtr gray(pixConvertTo8(pix.get(), 0));
  if (!gray) return pix;
  // Stretched along the axis of lower resolution, so no detail is thrown away.
  float across = stretch < 1 ? static_cast<float>(1 / stretch) : 1.0f, down = stretch > 1 ? static_cast<float>(stretch) : 1.0f;
  leptonica::PixPtr square(pixScale(gray.get(), across, down));
  if (!square) return pix;
  int res = std::max(x_res, y_res);
  pixSetResolution(square.get(), res, res);
  return square;
}

class ImagePageSource : public PageSource {
 public:
  ImagePageSource(std::shared_ptr<const std::string> bytes, MediaType type, int page_count, Limits limits)
      : bytes_(std::move(bytes)), type_(type), page_count_(page_count), limits_(limits) {}

  int PageCount() const override { return page_count_; }

  Result<Page> LoadPage(int index) override {
    const auto* data = reinterpret_cast<const l_uint8*>(bytes_->data());
    std::string where = "page " + std::to_string(index + 1) + ": ";
    int width = 0, height = 0, bps = 0, spp = 0, res = 0, cmap = 0, format = 0;
    l_ok header = type_ == MediaType::kTiff
                      ? readHeaderMemTiff(data, bytes_->size(), index, &width, &height, &bps, &spp, &res, &cmap, &format)
                      : pixReadHeaderMem(data, bytes_->size(), &format, &width, &height, &bps, &spp, &cmap);
    if (header != 0 || width <= 0 || height <= 0) return MakeError(where + "image header is unreadable");
    std::int64_t pixels = static_cast<std::int64_t>(width) * height;
    auto too_large = [&](int w, int h) {
      return MakeError(where + "image is " + std::to_string(w) + "x" + std::to_string(h) + " pixels, above the " +
                       std::to_string(limits_.max_pixels_per_page / 1'000'000) + "-megapixel limit");
    };
    if (pixels > limits_.max_pixels_per_page) return too_large(width, height);
    leptonica::PixPtr pix;
    if (type_ == MediaType::kTiff) {
      pix.reset(pixReadMemTiff(data, bytes_->size(), index));
    } else if (type_ == MediaType::kJpeg) {
      // Only the luminance is decoded (libjpeg skips the colour planes and their conversion): a
      // phone's 12-megapixel colour photo took up to 270 ms decoded in colour and turned grey after.
      pix.reset(pixReadMemJpeg(data, bytes_->size(), 0, 1, nullptr, L_JPEG_READ_LUMINANCE));
    } else {
      pix.reset(pixReadMem(data, bytes_->size()));
    }
    if (!pix) return MakeError(where + "image data is corrupt or truncated");
    bool bilevel = pixGetDepth(pix.get()) == 1;
    pix = SquarePixels(std::move(pix));
    if (static_cast<std::int64_t>(pixGetWidth(pix.get())) * pixGetHeight(pix.get()) > limits_.max_pixels_per_page) {
      return too_large(pixGetWidth(pix.get()), pixGetHeight(pix.get()));
    }
    Page page;
    page.bilevel = bilevel;
    page.number = index + 1;
    page.dpi = PlausibleDpi(pixGetXRes(pix.get()), pixGetWidth(pix.get()), pixGetHeight(pix.get()));
    page.text_source = TextSource::kOcr;
    page.decoder = "leptonica";
    page.image = leptonica::ToGrayImage(pix.get());
    if (page.image.empty()) return MakeError(where + "image could not be converted to grayscale");
    page.width_px = page.image.width;
    page.height_px = page.image.height;
    return page;
  }

 private:
  std::shared_ptr<const std::string> bytes_;  // shared by every source of the file
  MediaType type_;
  int page_count_;
  Limits limits_;
};

int CountTiffPages(const std::string& bytes, int max_pages) {
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  int count = 0;
  for (; count <= max_pages; ++count) {
    int w, h, bps, spp, res, cmap, format;
    if (readHeaderMemTiff(data, bytes.size(), count, &w, &h, &bps, &spp, &res, &cmap, &format) != 0) break;
  }
  return count;
}

}  // namespace

Result<std::unique_ptr<PageSource>> OpenImage(std::shared_ptr<const std::string> bytes, MediaType type,
                                              const Options& options) {
  leptonica::SilenceMessages();
  int pages = type == MediaType::kTiff ? CountTiffPages(*bytes, options.limits.max_pages) : 1;
  if (pages == 0) return MakeError("tiff file holds no readable page");
  if (pages > options.limits.max_pages) {
    return MakeError("file has more than " + std::to_string(options.limits.max_pages) + " pages");
  }
  return std::unique_ptr<PageSource>(
      std::make_unique<ImagePageSource>(std::move(bytes), type, pages, options.limits));
}

}  // namespace ingest
}  // namespace shoebox
