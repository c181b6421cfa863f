// Shared helpers for the tests: paths to the committed samples and a scratch directory.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace shoebox::testing {

inline std::string SourceDir() { return SHOEBOX_SOURCE_DIR; }
inline std::string SamplesInbox() { return SourceDir() + "/samples/inbox"; }
inline std::string SamplesTruth() { return SourceDir() + "/samples/truth"; }

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// A fresh directory under the system temp dir, removed when the object goes away.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "shoebox-test-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Third-party check files (../shared/data), or empty when SHOEBOX_TEST_DATA is not set.
inline std::string TestDataDir() {
  const char* dir = std::getenv("SHOEBOX_TEST_DATA");
  return dir != nullptr && std::filesystem::is_directory(dir) ? dir : "";
}

// A PDF file of the given objects, numbered from 1 in order (the first is the catalog), with its
// cross-reference table.
inline std::string PdfOf(const std::vector<std::string>& objects) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    std::string number = std::to_string(offset);
    pdf += std::string(10 - number.size(), '0') + number + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// A stream object of `content` under `dictionary` (without its closing ">>").
inline std::string PdfStream(const std::string& dictionary, const std::string& content) {
  return dictionary + " /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream";
}

// A one-page PDF that costs Poppler half a minute to interpret though it is 2 KB: form XObjects
// seven deep, each drawing the next twelve times (three million squares), as a file made to stall
// readers does. (Twelve: Poppler looks at its abort callback only in content of over ten operators.)
inline std::string SlowPdf() {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /X 5 0 R >> >> >>",
      PdfStream("<<", "/X Do")};
  constexpr int kDepth = 7;
  for (int level = 0; level < kDepth; ++level) {
    std::string form = "<< /Type /XObject /Subtype /Form /BBox [0 0 612 792]";
    if (level + 1 == kDepth) {
      objects.push_back(PdfStream(form, "0 0 1 1 re f"));
      continue;
    }
    std::string draws;
    for (int i = 0; i < 12; ++i) draws += "/X Do ";
    objects.push_back(PdfStream(form + " /Resources << /XObject << /X " + std::to_string(objects.size() + 2) + " 0 R >> >>",
                                draws));
  }
  return PdfOf(objects);
}

}  // namespace shoebox::testing
