// GrayImage: an 8-bit grayscale raster, row-major, no padding. The one image type stages exchange;
// adapters convert to and from Pix / cv::Mat / Tesseract buffers at their boundary.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace shoebox {

struct GrayImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // width * height bytes, 0 = black, 255 = white

  bool empty() const { return width <= 0 || height <= 0; }
  std::uint8_t at(int x, int y) const { return pixels[static_cast<size_t>(y) * width + x]; }
};

GrayImage MakeGrayImage(int width, int height, std::uint8_t fill = 255);

// Writes a file the person asked for (an export, a report page) with mode 0600, like everything
// that holds their records: into a new file beside it, renamed over whatever was there, so a file
// that existed with a wider mode, or a link planted at `path`, is replaced and never written
// through. False when it cannot be written.
bool WritePrivateFile(const std::string& path, const std::string& content);

// Makes a folder for the person's records (a report, kept intermediates), its parents as needed:
// one it creates gets mode 0700; one that exists is left as it is (it may be their home folder).
// False when it cannot be made or is not a folder.
bool MakePrivateDirectory(const std::string& path);

}  // namespace shoebox
