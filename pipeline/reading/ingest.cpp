// Type sniffing, dispatch to the engine adapters, and the text-layer soundness check.
#include "pipeline/reading/ingest.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>

namespace shoebox::ingest {

const char* MediaTypeName(MediaType type) {
  switch (type) {
    case MediaType::kPdf: return "application/pdf";
    case MediaType::kPng: return "image/png";
    case MediaType::kJpeg: return "image/jpeg";
    case MediaType::kTiff: return "image/tiff";
    case MediaType::kHeic: return "image/heic";
    case MediaType::kHeif: return "image/heif";
    case MediaType::kAvif: return "image/avif";
    case MediaType::kUnknown: return "";
  }
  return "";
}

MediaType SniffMediaType(std::string_view head) {
  auto starts_with = [&](std::string_view magic) { return head.substr(0, magic.size()) == magic; };
  if (starts_with("\x89PNG\r\n\x1a\n")) return MediaType::kPng;
  if (starts_with("\xff\xd8\xff")) return MediaType::kJpeg;
  if (starts_with(std::string_view("II*\0", 4)) || starts_with(std::string_view("MM\0*", 4))) {
    return MediaType::kTiff;
  }
  // ISO base media files open with an "ftyp" box naming their brand.
  if (head.size() >= 12 && head.substr(4, 4) == "ftyp") {
    std::string_view brand = head.substr(8, 4);
    for (std::string_view heic : {"heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"}) {
      if (brand == heic) return MediaType::kHeic;
    }
    if (brand == "avif" || brand == "avis") return MediaType::kAvif;
    if (brand == "mif1" || brand == "msf1") return MediaType::kHeif;
  }
  // PDF readers accept the header anywhere in the first KiB (some producers prepend junk).
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return MediaType::kPdf;
  return MediaType::kUnknown;
}

bool TextLayerLooksSound(const std::vector<Word>& words, int min_chars) {
  int alnum = 0, characters = 0, unreadable = 0, long_words = 0, long_words_with_vowels = 0;
  for (const Word& word : words) {
    const std::string& text = word.text;
    for (size_t i = 0; i < text.size();) {
      unsigned char lead = static_cast<unsigned char>(text[i]);
      int length = lead < 0x80 ? 1 : lead >> 5 == 0x6 ? 2 : lead >> 4 == 0xE ? 3 : lead >> 3 == 0x1E ? 4 : 1;
      std::uint32_t code = length == 1 ? lead : lead & (0x7F >> length);
      for (int k = 1; k < length && i + static_cast<size_t>(k) < text.size(); ++k) {
        code = (code << 6) | (static_cast<unsigned char>(text[i + static_cast<size_t>(k)]) & 0x3F);
      }
      ++characters;
      if (code < 0x20 || code == 0xFFFD || (code >= 0xE000 && code <= 0xF8FF)) ++unreadable;
      if (code < 0x80 && std::isalnum(static_cast<int>(code))) ++alnum;
      i += static_cast<size_t>(length);
    }
    std::string letters;
    for (char c : text) {
      if (std::isalpha(static_cast<unsigned char>(c))) letters += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (letters.size() >= 4 && letters.size() == text.size()) {
      ++long_words;
      if (letters.find_first_of("aeiouy") != std::string::npos) ++long_words_with_vowels;
    }
  }
  if (alnum < min_chars) return false;
  if (unreadable * 20 > characters) return false;  // more than 5 % unreadable
  // Words of four letters or more are nearly all voweled in English; abbreviations are a minority.
  return long_words < 10 || long_words_with_vowels * 10 >= long_words * 6;
}

int PlausibleDpi(int stated, int width, int height) {
  if (stated >= 70 && stated <= 1200) return stated;
  return std::clamp(static_cast<int>(std::lround(std::min(width, height) / 8.5)), 70, 1200);
}

Result<std::unique_ptr<PageSource>> Open(std::string bytes, const Options& options) {
  return Open(std::make_shared<const std::string>(std::move(bytes)), options);
}

Result<std::unique_ptr<PageSource>> Open(std::shared_ptr<const std::string> bytes, const Options& options) {
  if (bytes->empty()) return MakeError("empty file (0 bytes)");
  if (static_cast<std::int64_t>(bytes->size()) > options.limits.max_file_bytes) {
    return MakeError("file is larger than the " + std::to_string(options.limits.max_file_bytes >> 20) +
                     " MiB limit");
  }
  MediaType type = SniffMediaType(*bytes);
  switch (type) {
    case MediaType::kPdf: return OpenPdf(std::move(bytes), options);
    case MediaType::kPng:
    case MediaType::kJpeg:
    case MediaType::kTiff: return OpenImage(std::move(bytes), type, options);
    case MediaType::kHeic:
    case MediaType::kHeif:
    case MediaType::kAvif: return OpenHeif(std::move(bytes), options);
    case MediaType::kUnknown: break;
  }
  return MakeError("not a pdf, png, jpeg, tiff or heic file");
}

}  // namespace shoebox::ingest
