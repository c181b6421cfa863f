// Shared helpers for the tests: paths to the committed samples and a scratch directory.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

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

}  // namespace shoebox::testing
