// Files and folders that hold the person's records: 0600 and 0700, whatever was there before
// (issue 24, defects 4–7).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pipeline/core/image.hpp"
#include "pipeline/store/store.hpp"
#include "tests/test_support.hpp"

namespace shoebox {
namespace {

mode_t ModeOf(const std::string& path) {
  struct stat info {};
  return ::lstat(path.c_str(), &info) == 0 ? info.st_mode : 0;
}

TEST(PrivateFiles, AFileThatExistedOpenToOthersIsWrittenPrivate) {  // defect 5
  testing::ScratchDir dir;
  std::string path = dir / "export.json";
  testing::WriteFile(path, "old");
  ::chmod(path.c_str(), 0644);
  ASSERT_TRUE(WritePrivateFile(path, "{\"records\": 1}"));
  EXPECT_EQ(ModeOf(path) & 0777, 0600u);
  EXPECT_EQ(testing::ReadFile(path), "{\"records\": 1}");
}

TEST(PrivateFiles, ALinkPlantedWhereAFileIsWrittenIsReplacedNotFollowed) {  // defect 6
  testing::ScratchDir dir;
  std::string outside = dir / "outside.txt";
  testing::WriteFile(outside, "someone else's file");
  std::string path = dir / "index.html";
  ASSERT_EQ(::symlink(outside.c_str(), path.c_str()), 0);
  ASSERT_TRUE(WritePrivateFile(path, "<html>"));
  EXPECT_EQ(testing::ReadFile(outside), "someone else's file");
  EXPECT_TRUE(S_ISREG(ModeOf(path)));
  EXPECT_EQ(ModeOf(path) & 0777, 0600u);
}

TEST(PrivateFiles, OnlyAFolderItMakesIsMadePrivate) {  // defects 4 and 7
  testing::ScratchDir dir;
  std::string existing = dir / "home";
  ::mkdir(existing.c_str(), 0755);
  ::chmod(existing.c_str(), 0755);
  ASSERT_TRUE(MakePrivateDirectory(existing));
  EXPECT_EQ(ModeOf(existing) & 0777, 0755u);  // the person's folder is left as it is
  std::string made = dir / "home/report/pages";
  ASSERT_TRUE(MakePrivateDirectory(made));
  EXPECT_EQ(ModeOf(made) & 0777, 0700u);
  testing::WriteFile(dir / "file", "");
  EXPECT_FALSE(MakePrivateDirectory(dir / "file"));
}

TEST(PrivateFiles, ADatabaseThatExistedOpenToOthersIsClosedToThem) {  // defect 5
  testing::ScratchDir dir;
  std::string path = dir / "s.db";
  ASSERT_TRUE(store::Database::Open(path, store::Mode::kReadWrite));
  ::chmod(path.c_str(), 0644);
  ASSERT_TRUE(store::Database::Open(path, store::Mode::kReadWrite));
  EXPECT_EQ(ModeOf(path) & 0777, 0600u);
}

}  // namespace
}  // namespace shoebox
