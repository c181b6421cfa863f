// HEIC files made from pictures with libheif's own encoder, for tests and the fuzz corpus: no HEIC
// file needs to be kept in the repository.
#pragma once

#include <leptonica/allheaders.h>
#include <libheif/heif.h>

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/reading/leptonica_pix.hpp"

namespace shoebox::testing {

inline heif_error AppendHeicBytes(heif_context*, const void* data, size_t size, void* out) {
  static_cast<std::string*>(out)->append(static_cast<const char*>(data), size);
  return heif_error{heif_error_Ok, heif_suberror_Unspecified, "ok"};
}

// A HEIC file of these pictures (the first the primary image), each stored with the orientation a
// phone records when it was held turned; "" where libheif has no HEVC encoder or cannot encode.
inline std::string EncodeHeic(const std::vector<Pix*>& pictures, heif_orientation orientation = heif_orientation_normal) {
  heif_context* context = heif_context_alloc();
  heif_encoder* encoder = nullptr;
  if (heif_context_get_encoder_for_format(context, heif_compression_HEVC, &encoder).code != heif_error_Ok) {
    heif_context_free(context);
    return "";
  }
  heif_encoder_set_lossy_quality(encoder, 85);
  heif_encoding_options* options = heif_encoding_options_alloc();
  bool ok = true;
  options->image_orientation = orientation;
  for (Pix* picture : pictures) {
    leptonica::PixPtr rgb(pixConvertTo32(picture));
    int width = pixGetWidth(rgb.get()), height = pixGetHeight(rgb.get());
    heif_image* image = nullptr;
    heif_image_create(width, height, heif_colorspace_RGB, heif_chroma_interleaved_RGB, &image);
    heif_image_add_plane(image, heif_channel_interleaved, width, height, 8);
    int stride = 0;
    std::uint8_t* plane = heif_image_get_plane(image, heif_channel_interleaved, &stride);
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x) {
        l_int32 r, g, b;
        pixGetRGBPixel(rgb.get(), x, y, &r, &g, &b);
        std::uint8_t* at = plane + static_cast<size_t>(y) * stride + 3 * x;
        at[0] = static_cast<std::uint8_t>(r), at[1] = static_cast<std::uint8_t>(g), at[2] = static_cast<std::uint8_t>(b);
      }
    }
    ok = ok && heif_context_encode_image(context, image, encoder, options, nullptr).code == heif_error_Ok;
    heif_image_release(image);
  }
  std::string bytes;
  heif_writer writer{1, AppendHeicBytes};
  ok = ok && heif_context_write(context, &writer, &bytes).code == heif_error_Ok;
  heif_encoding_options_free(options);
  heif_encoder_release(encoder);
  heif_context_free(context);
  return ok ? bytes : "";
}

}  // namespace shoebox::testing
