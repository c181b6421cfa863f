// Type sniffing and dispatch to the engine adapters.
#include "pipeline/ingest.hpp"

namespace shoebox::ingest {

const char* MediaTypeName(MediaType type) {
  switch (type) {
    case MediaType::kPdf: return "application/pdf";
    case MediaType::kPng: return "image/png";
    case MediaType::kJpeg: return "image/jpeg";
    case MediaType::kTiff: return "image/tiff";
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
  // PDF readers accept the header anywhere in the first KiB (some producers prepend junk).
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return MediaType::kPdf;
  return MediaType::kUnknown;
}

Result<std::unique_ptr<PageSource>> Open(std::string bytes, const Options& options) {
  if (bytes.empty()) return MakeError("empty file (0 bytes)");
  if (static_cast<std::int64_t>(bytes.size()) > options.limits.max_file_bytes) {
    return MakeError("file is larger than the " + std::to_string(options.limits.max_file_bytes >> 20) +
                     " MiB limit");
  }
  MediaType type = SniffMediaType(bytes);
  switch (type) {
    case MediaType::kPdf: return OpenPdf(std::move(bytes), options);
    case MediaType::kPng:
    case MediaType::kJpeg:
    case MediaType::kTiff: return OpenImage(std::move(bytes), type, options);
    case MediaType::kUnknown: break;
  }
  return MakeError("not a pdf, png, jpeg or tiff file");
}

}  // namespace shoebox::ingest
