// The third-party robustness corpus (../shared/data/pdf-robustness): every file ends in pages or a
// one-line reason, never worse than Poppler's pdfinfo at opening a file, with page counts and
// encryption reported right. Skipped, visibly, where SHOEBOX_TEST_DATA is not set.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/app/runner.hpp"
#include "tests/test_support.hpp"

namespace shoebox {
namespace {

using Json = nlohmann::json;

TEST(Robustness, PdfCorpusEndsInPagesOrAReason) {
  std::string data = testing::TestDataDir();
  if (data.empty()) GTEST_SKIP() << "SHOEBOX_TEST_DATA is not set: the pdf-robustness corpus is not available";
  std::string corpus = data + "/pdf-robustness";
  testing::ScratchDir dir;
  auto db = store::Database::Open(dir / "r.db", store::Mode::kReadWrite);
  ASSERT_TRUE(db);
  runner::Options options;
  options.ingest.render_dpi = 100;  // the corpus tests opening and parsing, not OCR quality
  std::ostringstream out, err;
  auto summary = runner::Scan({corpus}, **db, options, out, err);
  ASSERT_TRUE(summary) << summary.error().message;

  auto rows = (*db)->Select("SELECT path, status, error, page_count FROM sources");
  std::map<std::string, std::vector<store::Value>> by_file;
  for (auto& row : rows->rows) by_file[std::get<std::string>(row[0]).substr(corpus.size() + 1)] = row;
  for (const auto& [file, row] : by_file) {
    bool done = std::get<std::string>(row[1]) == "done";
    if (done) {
      EXPECT_GT(std::get<std::int64_t>(row[3]), 0) << file;
    } else {
      std::string error = std::get<std::string>(row[2]);
      EXPECT_FALSE(error.empty()) << file;
      EXPECT_EQ(error.find('\n'), std::string::npos) << file;
    }
  }
  // Never worse than pdfinfo: what it opens, we open, with the same page count.
  Json baseline = Json::parse(testing::ReadFile(corpus + "/pdfinfo-baseline.json"));
  int compared = 0;
  for (const Json& entry : baseline) {
    std::string file = entry["file"];
    if (entry["pdfinfo_rc"] != 0 || !by_file.count(file)) continue;
    const auto& row = by_file[file];
    bool encrypted_refused = std::get<std::string>(row[1]) == "failed" &&
                             std::get<std::string>(row[2]).find("encrypted") != std::string::npos;
    if (encrypted_refused) continue;  // pdfinfo reports encryption without decrypting content
    EXPECT_EQ(std::get<std::string>(row[1]), "done") << file << ": " << (std::holds_alternative<std::string>(row[2]) ? std::get<std::string>(row[2]) : "");
    EXPECT_EQ(std::to_string(std::get<std::int64_t>(row[3])), entry["pages"].get<std::string>()) << file;
    ++compared;
  }
  EXPECT_GT(compared, 100);
  // pypdf's own listing: page counts, and password-protected files refused as encrypted.
  Json listing = Json::parse(testing::ReadFile(corpus + "/pypdf/files.json"));
  for (const Json& entry : listing["data"]) {
    std::string file = "pypdf/" + entry["path"].get<std::string>();
    if (!by_file.count(file)) continue;
    const auto& row = by_file[file];
    if (std::get<std::string>(row[1]) == "done") {
      EXPECT_EQ(std::get<std::int64_t>(row[3]), entry["pages"].get<int>()) << file;
    } else {
      EXPECT_TRUE(entry["encrypted"].get<bool>()) << file << ": " << std::get<std::string>(row[2]);
      EXPECT_NE(std::get<std::string>(row[2]).find("encrypted"), std::string::npos) << file;
    }
  }
}

}  // namespace
}  // namespace shoebox
