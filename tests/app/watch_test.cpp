// watch with a fake OCR engine on small generated images: W1–W5 of watch.hpp, including a thousand
// files dropped in bursts (some written slowly) each stored exactly once.
#include "pipeline/app/watch.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <sstream>
#include <thread>

#include "tests/fake_engine.hpp"
#include "tests/test_support.hpp"

namespace shoebox::watch {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// A small PNG whose pixels spell n, so every file has bytes of its own.
std::string NumberedPng(const std::string& scratch, int n) {
  GrayImage image = MakeGrayImage(160, 40);
  for (int bit = 0; bit < 16; ++bit) {
    std::uint8_t ink = (n >> bit) & 1 ? 0 : 255;
    for (int y = 10; y < 30; ++y) {
      for (int x = bit * 10; x < bit * 10 + 8; ++x) image.pixels[static_cast<size_t>(y * 160 + x)] = ink;
    }
  }
  std::string path = scratch + "/png-" + std::to_string(n);
  EXPECT_TRUE(WritePrivatePng(image, path));
  std::string bytes = testing::ReadFile(path);
  fs::remove(path);
  return bytes;
}

std::int64_t Count(store::Database& db, const std::string& sql) {
  auto table = db.Select(sql);
  EXPECT_TRUE(table) << sql;
  return std::get<std::int64_t>(table->rows.at(0).at(0));
}

// Runs a watch on its own thread; Stop() ends it and hands back what it returned.
class RunningWatch {
 public:
  RunningWatch(const std::string& dir, const std::string& db_path, Options options) {
    options_ = std::move(options);
    options_.scan.stop = &stop_;
    options_.today = [] { return std::string("2025-12-01"); };
    thread_ = std::thread([this, dir, db_path] {
      auto db = store::Database::Open(db_path, store::Mode::kReadWrite);
      ASSERT_TRUE(db);
      result_.emplace(Watch(dir, **db, options_, out_, err_));
    });
  }
  Result<Totals> Stop() {
    stop_ = true;
    thread_.join();
    return *result_;
  }
  std::string err() const { return err_.str(); }
  std::string out() const { return out_.str(); }  // once stopped

 private:
  Options options_;
  std::atomic<bool> stop_{false};
  std::ostringstream out_, err_;
  std::optional<Result<Totals>> result_;
  std::thread thread_;
};

Options FastOptions(std::atomic<int>* engines) {
  Options options;
  options.scan = testing::FakeOptions(false, engines);
  options.settle = 300ms;
  options.rescan_every = 2s;
  return options;
}

// Polls the database until the condition holds or the time is up.
bool WaitFor(const std::string& db_path, const std::string& count_sql, std::int64_t want, std::chrono::seconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (auto db = store::Database::Open(db_path, store::Mode::kReadOnly)) {
      if (auto table = (*db)->Select(count_sql); table && std::get<std::int64_t>(table->rows[0][0]) >= want)
        return true;
    }
    std::this_thread::sleep_for(100ms);
  }
  return false;
}

TEST(IsTemporaryName, PartialDownloadsAndLockFilesAreNeverTaken) {
  for (const char* name :
       {".hidden.pdf", "bill.pdf.part", "bill.pdf.crdownload", "Bill.PDF.download", "~$letter.docx", ".~lock.bill.pdf#",
        "bill.pdf~", "bill.pdf.tmp", "bill.pdf.sb-12ab-Xy", "#bill.pdf#", "scan.jpg.filepart"}) {
    EXPECT_TRUE(IsTemporaryName(name)) << name;
  }
  for (const char* name : {"bill.pdf", "EOB 2025-03.PDF", "photo.jpeg", "fax.tiff", "partial-payment.pdf"}) {
    EXPECT_FALSE(IsTemporaryName(name)) << name;
  }
}

TEST(Watch, AThousandFilesInBurstsSomeWrittenSlowlyAreEachStoredOnce) {  // W1, W4
  testing::ScratchDir scratch;
  std::string inbox = scratch / "inbox", db_path = scratch / "w.db";
  fs::create_directory(inbox);
  constexpr int kFiles = 1000;
  std::vector<std::string> bytes;
  for (int n = 0; n < kFiles; ++n) bytes.push_back(NumberedPng(scratch.path(), n));
  std::atomic<int> engines = 0;
  RunningWatch watching(inbox, db_path, FastOptions(&engines));
  // Ten bursts of a hundred; every tenth file is written in two halves with a pause longer than
  // the poll interval, as a slow download or copy would.
  std::vector<std::thread> slow_writers;
  for (int burst = 0; burst < 10; ++burst) {
    for (int i = 0; i < 100; ++i) {
      int n = burst * 100 + i;
      std::string path = inbox + "/scan-" + std::to_string(n) + ".png";
      if (n % 10 == 7) {
        slow_writers.emplace_back([path, data = bytes[static_cast<size_t>(n)]] {
          std::ofstream file(path, std::ios::binary);
          file.write(data.data(), static_cast<std::streamsize>(data.size() / 2)).flush();
          std::this_thread::sleep_for(200ms);
          file.write(data.data() + data.size() / 2, static_cast<std::streamsize>(data.size() - data.size() / 2));
        });
      } else {
        testing::WriteFile(path, bytes[static_cast<size_t>(n)]);
      }
    }
    std::this_thread::sleep_for(150ms);
  }
  for (std::thread& writer : slow_writers) writer.join();
  bool all_in = WaitFor(db_path, "SELECT count(*) FROM sources", kFiles, 120s);
  std::this_thread::sleep_for(1s);  // anything taken twice would show up now
  auto totals = watching.Stop();
  ASSERT_TRUE(totals) << totals.error().message;
  EXPECT_TRUE(all_in);
  auto db = store::Database::Open(db_path, store::Mode::kReadOnly);
  EXPECT_EQ(Count(**db, "SELECT count(*) FROM sources"), kFiles);
  EXPECT_EQ(Count(**db, "SELECT count(DISTINCT path) FROM sources WHERE status = 'done'"), kFiles);
  EXPECT_EQ(totals->files.files_failed, 0) << "a half-written file was taken:\n" << watching.err();
  EXPECT_EQ(totals->files.files_scanned, kFiles);
}

TEST(Watch, ARestartTakesWhatArrivedMeanwhileAndChangedBytesAreANewVersion) {  // W2, W4, W5
  testing::ScratchDir scratch;
  std::string inbox = scratch / "inbox", db_path = scratch / "w.db";
  fs::create_directory(inbox);
  std::atomic<int> engines = 0;
  {
    RunningWatch first(inbox, db_path, FastOptions(&engines));
    testing::WriteFile(inbox + "/a.png", NumberedPng(scratch.path(), 1));
    EXPECT_TRUE(WaitFor(db_path, "SELECT count(*) FROM sources", 1, 20s));
    ASSERT_TRUE(first.Stop());
  }
  // While nothing watches: one new file, and new bytes under the old name.
  testing::WriteFile(inbox + "/b.png", NumberedPng(scratch.path(), 2));
  testing::WriteFile(inbox + "/a.png", NumberedPng(scratch.path(), 3));
  RunningWatch second(inbox, db_path, FastOptions(&engines));
  EXPECT_TRUE(WaitFor(db_path, "SELECT count(*) FROM sources", 3, 20s));
  std::this_thread::sleep_for(700ms);
  auto totals = second.Stop();
  ASSERT_TRUE(totals);
  EXPECT_EQ(totals->files.files_scanned, 2);
  auto db = store::Database::Open(db_path, store::Mode::kReadOnly);
  EXPECT_EQ(Count(**db, "SELECT count(*) FROM sources WHERE path LIKE '%/a.png'"), 2);  // both versions kept
  EXPECT_EQ(Count(**db, "SELECT count(*) FROM sources"), 3);
}

TEST(Watch, TempFilesAndLinksLeadingOutAreLeftAndTheArchiveGetsTheRest) {  // W1, W3, W5
  testing::ScratchDir scratch;
  std::string inbox = scratch / "inbox", archive = scratch / "archive", db_path = scratch / "w.db";
  fs::create_directories(inbox + "/2025");
  std::string outside = scratch / "outside.png";
  testing::WriteFile(outside, NumberedPng(scratch.path(), 9));
  fs::create_symlink(outside, inbox + "/link-out.png");
  testing::WriteFile(inbox + "/2025/kept.png", NumberedPng(scratch.path(), 10));
  fs::create_symlink(inbox + "/2025/kept.png", inbox + "/link-in.png");  // same bytes: stored once
  testing::WriteFile(inbox + "/download.png.part", NumberedPng(scratch.path(), 11));
  testing::WriteFile(inbox + "/.draft.png", NumberedPng(scratch.path(), 12));
  std::atomic<int> engines = 0;
  Options options = FastOptions(&engines);
  options.archive_dir = archive;
  RunningWatch watching(inbox, db_path, options);
  EXPECT_TRUE(WaitFor(db_path, "SELECT count(*) FROM sources", 1, 20s));
  std::this_thread::sleep_for(1s);
  ASSERT_TRUE(watching.Stop());
  auto db = store::Database::Open(db_path, store::Mode::kReadOnly);
  EXPECT_EQ(Count(**db, "SELECT count(*) FROM sources"), 1);
  EXPECT_TRUE(fs::exists(archive + "/2025/kept.png"));
  EXPECT_FALSE(fs::exists(inbox + "/2025/kept.png"));
  EXPECT_EQ(Count(**db, "SELECT count(*) FROM sources WHERE path = '" + archive + "/2025/kept.png'"), 1);
  for (const char* left : {"/download.png.part", "/.draft.png"}) EXPECT_TRUE(fs::exists(inbox + left)) << left;
  EXPECT_TRUE(fs::exists(outside));
  EXPECT_NE(watching.err().find("link-out.png: not followed"), std::string::npos) << watching.err();
}

TEST(Watch, ALinkToNothingIsRecordedAsAFileGivenToScanIs) {  // issue 24, defect 8
  testing::ScratchDir scratch;
  std::string inbox = scratch / "inbox", db_path = scratch / "w.db";
  fs::create_directories(inbox);
  fs::create_symlink(scratch / "gone.png", inbox + "/dangling.png");
  std::atomic<int> engines = 0;
  RunningWatch watching(inbox, db_path, FastOptions(&engines));
  EXPECT_TRUE(WaitFor(db_path, "SELECT count(*) FROM sources WHERE status = 'failed'", 1, 20s));
  std::this_thread::sleep_for(2500ms);  // past a rescan: recorded once, not again
  ASSERT_TRUE(watching.Stop());
  auto db = store::Database::Open(db_path, store::Mode::kReadOnly);
  EXPECT_EQ(Count(**db, "SELECT count(*) FROM sources WHERE path = '" + inbox + "/dangling.png' AND status = 'failed'"), 1);
  EXPECT_NE(watching.err().find("dangling.png: cannot open: No such file or directory"), std::string::npos) << watching.err();
  EXPECT_EQ(watching.err().find("not followed"), std::string::npos) << watching.err();
}

// A paper that raises a finding is said on the watcher's output, which may be a log file: one line
// a finding, none for a paper that raises none.
TEST(Watch, ANewFindingIsSaidWhenItsPaperArrives) {  // issue 21
  testing::ScratchDir scratch;
  fs::create_directory(scratch / "in");
  std::atomic<int> engines = 0;
  RunningWatch watch(scratch / "in", scratch / "w.db", FastOptions(&engines));
  fs::copy_file(testing::SamplesInbox() + "/X001-other-born_digital.pdf", scratch / "in/other.pdf");
  ASSERT_TRUE(WaitFor(scratch / "w.db", "SELECT count(*) FROM documents", 1, 30s));
  fs::copy_file(testing::SamplesInbox() + "/E002-bill-born_digital.pdf", scratch / "in/bill.pdf");
  ASSERT_TRUE(WaitFor(scratch / "w.db", "SELECT count(*) FROM findings", 1, 30s));
  ASSERT_TRUE(watch.Stop());
  std::string said = watch.out();
  EXPECT_NE(said.find("new finding: Billed before insurance finished: $14.07 at stake (shoebox findings says what "
                      "to do)\n"), std::string::npos) << said;
  auto db = store::Database::Open(scratch / "w.db", store::Mode::kReadOnly);
  ASSERT_TRUE(db);
  size_t lines = 0;
  for (size_t at = said.find("new finding: "); at != std::string::npos; at = said.find("new finding: ", at + 1)) ++lines;
  EXPECT_EQ(static_cast<std::int64_t>(lines), Count(**db, "SELECT count(*) FROM findings WHERE to_check = 0")) << said;
}

TEST(Watch, AFolderThatIsNotThereIsAnError) {
  testing::ScratchDir scratch;
  auto db = store::Database::Open(scratch / "w.db", store::Mode::kReadWrite);
  std::atomic<int> engines = 0;
  std::ostringstream out, err;
  auto totals = Watch(scratch / "missing", **db, FastOptions(&engines), out, err);
  ASSERT_FALSE(totals);
  EXPECT_NE(totals.error().message.find("is not a folder"), std::string::npos);
}

}  // namespace
}  // namespace shoebox::watch
