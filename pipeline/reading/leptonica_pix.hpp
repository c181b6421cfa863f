// Adapter-private: owning Pix pointers and conversion to and from GrayImage. Only the Leptonica
// adapters (ingest images, prepare) include this; Leptonica types never leave them.
#pragma once

#include <leptonica/allheaders.h>

#include <memory>

#include "pipeline/core/image.hpp"

namespace shoebox::leptonica {

struct PixDeleter {
  void operator()(Pix* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// Converts any depth to 8-bit gray and copies it out; empty image on failure.
GrayImage ToGrayImage(Pix* pix);
PixPtr ToPix(const GrayImage& image);
// Leptonica prints to stderr by default; the adapters silence it once, errors travel as Results.
void SilenceMessages();

}  // namespace shoebox::leptonica
