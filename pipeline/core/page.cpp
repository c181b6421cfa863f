// Small helpers for the plain types in page.hpp and image.hpp.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>

#include "pipeline/core/image.hpp"
#include "pipeline/core/page.hpp"

namespace shoebox {

GrayImage MakeGrayImage(int width, int height, std::uint8_t fill) {
  GrayImage image;
  image.width = width;
  image.height = height;
  image.pixels.assign(static_cast<size_t>(width) * height, fill);
  return image;
}

bool WritePrivateFile(const std::string& path, const std::string& content) {
  std::string temporary = path + ".tmp-XXXXXX";
  int fd = ::mkostemp(temporary.data(), O_CLOEXEC);  // a new file, mode 0600, never an existing one
  if (fd < 0) return false;
  size_t done = 0;
  bool ok = true;
  while (ok && done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  ok = ::close(fd) == 0 && ok;
  // The rename replaces whatever was at `path`, a link included, without following it.
  ok = ok && ::rename(temporary.c_str(), path.c_str()) == 0;
  if (!ok) ::unlink(temporary.c_str());
  return ok;
}

bool MakePrivateDirectory(const std::string& path) {
  std::error_code error;
  std::filesystem::path folder(path);
  if (folder.has_parent_path()) std::filesystem::create_directories(folder.parent_path(), error);
  if (error) return false;
  if (::mkdir(path.c_str(), 0700) == 0) return true;
  return errno == EEXIST && std::filesystem::is_directory(folder, error);
}

int OverlapAcross(const BoxPx& a, const BoxPx& b) { return std::min(a.x1, b.x1) - std::max(a.x0, b.x0); }

BoxPx Union(const BoxPx& a, const BoxPx& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

std::string Line::Text() const {
  std::string text;
  for (const Word& word : words) {
    if (!text.empty()) text += ' ';
    text += word.text;
  }
  return text;
}

const char* ToString(TextSource source) { return source == TextSource::kOcr ? "ocr" : "text-layer"; }

const char* ToString(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kBill: return "bill";
    case DocumentKind::kEob: return "eob";
    case DocumentKind::kMsn: return "msn";
    case DocumentKind::kCollectionLetter: return "collection_letter";
    case DocumentKind::kOther: return "other";
  }
  return "other";
}

const char* ToString(ClaimStatus status) {
  switch (status) {
    case ClaimStatus::kUnknown: return "";
    case ClaimStatus::kProcessed: return "processed";
    case ClaimStatus::kPending: return "pending";
    case ClaimStatus::kDenied: return "denied";
    case ClaimStatus::kPartiallyDenied: return "partially_denied";
  }
  return "";
}

ClaimStatus ParseClaimStatus(const std::string& text) {
  for (ClaimStatus status : {ClaimStatus::kProcessed, ClaimStatus::kPending, ClaimStatus::kDenied,
                             ClaimStatus::kPartiallyDenied}) {
    if (text == ToString(status)) return status;
  }
  return ClaimStatus::kUnknown;
}

const char* ToString(NetworkStatus status) {
  switch (status) {
    case NetworkStatus::kUnknown: return "";
    case NetworkStatus::kInNetwork: return "in_network";
    case NetworkStatus::kOutOfNetwork: return "out_of_network";
  }
  return "";
}

NetworkStatus ParseNetworkStatus(const std::string& text) {
  if (text == ToString(NetworkStatus::kInNetwork)) return NetworkStatus::kInNetwork;
  if (text == ToString(NetworkStatus::kOutOfNetwork)) return NetworkStatus::kOutOfNetwork;
  return NetworkStatus::kUnknown;
}

std::optional<DocumentKind> ParseDocumentKind(const std::string& text) {
  for (DocumentKind kind : {DocumentKind::kBill, DocumentKind::kEob, DocumentKind::kMsn,
                            DocumentKind::kCollectionLetter, DocumentKind::kOther}) {
    if (text == ToString(kind)) return kind;
  }
  return std::nullopt;
}

}  // namespace shoebox
