// HEIF images (HEIC, what iPhones save photos as, and AVIF) through libheif. Each top-level image of
// the file is a page, the primary one first; libheif applies the file's rotation and mirroring, so
// pages come out as the phone showed them. Only the luma plane is kept: the page is read in gray,
// as a JPEG's luminance is. Sizes are read before any pixel is decoded.
#include <libheif/heif.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <vector>

#include "pipeline/reading/ingest.hpp"

namespace shoebox::ingest {
namespace {

struct ContextFree {
  void operator()(heif_context* context) const { heif_context_free(context); }
};
struct HandleFree {
  void operator()(heif_image_handle* handle) const { heif_image_handle_release(handle); }
};
struct ImageFree {
  void operator()(heif_image* image) const { heif_image_release(image); }
};
struct OptionsFree {
  void operator()(heif_decoding_options* options) const { heif_decoding_options_free(options); }
};
using ContextPtr = std::unique_ptr<heif_context, ContextFree>;
using HandlePtr = std::unique_ptr<heif_image_handle, HandleFree>;
using ImagePtr = std::unique_ptr<heif_image, ImageFree>;

// libheif's codec plugins are loaded once, for the whole process.
void InitLibheif() {
  static std::once_flag once;
  std::call_once(once, [] { heif_init(nullptr); });
}

// The file's images, the primary one first, or an error naming why the file cannot be read.
Result<std::vector<heif_item_id>> PageImages(heif_context* context) {
  int count = heif_context_get_number_of_top_level_images(context);
  if (count <= 0) return MakeError("heif file holds no image");
  std::vector<heif_item_id> ids(static_cast<size_t>(count));
  heif_context_get_list_of_top_level_image_IDs(context, ids.data(), count);
  heif_item_id primary = 0;
  if (heif_context_get_primary_image_ID(context, &primary).code == heif_error_Ok) {
    auto it = std::find(ids.begin(), ids.end(), primary);
    if (it != ids.end()) std::rotate(ids.begin(), it, it + 1);
  }
  return ids;
}

// The gray page of a decoded image: its luma plane, or the luma of its colours where it has none.
GrayImage LumaOf(const heif_image* image) {
  GrayImage gray;
  int stride = 0;
  if (heif_image_has_channel(image, heif_channel_Y)) {
    const std::uint8_t* plane = heif_image_get_plane_readonly(image, heif_channel_Y, &stride);
    int width = heif_image_get_width(image, heif_channel_Y), height = heif_image_get_height(image, heif_channel_Y);
    if (plane == nullptr || width <= 0 || height <= 0) return gray;
    gray = MakeGrayImage(width, height);
    for (int y = 0; y < height; ++y) {
      std::copy_n(plane + static_cast<size_t>(y) * stride, width, gray.pixels.data() + static_cast<size_t>(y) * width);
    }
    return gray;
  }
  const std::uint8_t* rgb = heif_image_get_plane_readonly(image, heif_channel_interleaved, &stride);
  int width = heif_image_get_width(image, heif_channel_interleaved);
  int height = heif_image_get_height(image, heif_channel_interleaved);
  if (rgb == nullptr || width <= 0 || height <= 0) return gray;
  gray = MakeGrayImage(width, height);
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* row = rgb + static_cast<size_t>(y) * stride;
    for (int x = 0; x < width; ++x) {
      const std::uint8_t* pixel = row + 3 * x;
      gray.pixels[static_cast<size_t>(y) * width + x] =
          static_cast<std::uint8_t>((299 * pixel[0] + 587 * pixel[1] + 114 * pixel[2] + 500) / 1000);
    }
  }
  return gray;
}

class HeifPageSource : public PageSource {
 public:
  HeifPageSource(std::shared_ptr<const std::string> bytes, ContextPtr context, std::vector<heif_item_id> ids,
                 Limits limits)
      : bytes_(std::move(bytes)), context_(std::move(context)), ids_(std::move(ids)), limits_(limits) {}

  int PageCount() const override { return static_cast<int>(ids_.size()); }

  Result<Page> LoadPage(int index) override {
    std::string where = "page " + std::to_string(index + 1) + ": ";
    heif_image_handle* raw_handle = nullptr;
    if (heif_context_get_image_handle(context_.get(), ids_[static_cast<size_t>(index)], &raw_handle).code !=
        heif_error_Ok) {
      return MakeError(where + "image is missing from the heif file");
    }
    HandlePtr handle(raw_handle);
    int width = heif_image_handle_get_width(handle.get()), height = heif_image_handle_get_height(handle.get());
    if (width <= 0 || height <= 0) return MakeError(where + "image header is unreadable");
    if (static_cast<std::int64_t>(width) * height > limits_.max_pixels_per_page) {
      return MakeError(where + "image is " + std::to_string(width) + "x" + std::to_string(height) +
                       " pixels, above the " + std::to_string(limits_.max_pixels_per_page / 1'000'000) +
                       "-megapixel limit");
    }
    std::unique_ptr<heif_decoding_options, OptionsFree> options(heif_decoding_options_alloc());
    options->convert_hdr_to_8bit = 1;  // a 10-bit phone photo is read in 8 bits like any other
    heif_image* raw_image = nullptr;
    heif_error decoded = heif_decode_image(handle.get(), &raw_image, heif_colorspace_undefined, heif_chroma_undefined,
                                           options.get());
    ImagePtr image(raw_image);
    if (decoded.code == heif_error_Ok && !heif_image_has_channel(image.get(), heif_channel_Y)) {
      image.reset();
      raw_image = nullptr;
      decoded = heif_decode_image(handle.get(), &raw_image, heif_colorspace_RGB, heif_chroma_interleaved_RGB,
                                  options.get());
      image.reset(raw_image);
    }
    if (decoded.code != heif_error_Ok || !image) {
      return MakeError(where + "image data is corrupt or truncated (" + std::string(decoded.message) + ")");
    }
    Page page;
    page.number = index + 1;
    page.text_source = TextSource::kOcr;
    page.decoder = "libheif";
    page.image = LumaOf(image.get());
    if (page.image.empty()) return MakeError(where + "image could not be converted to grayscale");
    page.dpi = PlausibleDpi(0, page.image.width, page.image.height);  // HEIF states no resolution
    page.width_px = page.image.width;
    page.height_px = page.image.height;
    return page;
  }

 private:
  std::shared_ptr<const std::string> bytes_;  // libheif reads from this buffer for the context's lifetime
  ContextPtr context_;
  std::vector<heif_item_id> ids_;
  Limits limits_;
};

}  // namespace

Result<std::unique_ptr<PageSource>> OpenHeif(std::shared_ptr<const std::string> bytes, const Options& options) {
  InitLibheif();
  ContextPtr context(heif_context_alloc());
  if (!context) return MakeError("heif reader could not be started");
  heif_context_set_max_decoding_threads(context.get(), 0);  // pages are the unit of parallel work
  heif_error read = heif_context_read_from_memory_without_copy(context.get(), bytes->data(), bytes->size(), nullptr);
  if (read.code != heif_error_Ok) return MakeError("heif file is damaged or truncated (" + std::string(read.message) + ")");
  auto ids = PageImages(context.get());
  if (!ids) return ids.error();
  if (static_cast<int>(ids->size()) > options.limits.max_pages) {
    return MakeError("file has more than " + std::to_string(options.limits.max_pages) + " pages");
  }
  return std::unique_ptr<PageSource>(
      std::make_unique<HeifPageSource>(std::move(bytes), std::move(context), std::move(*ids), options.limits));
}

}  // namespace shoebox::ingest
