// The real shoebox binary killed with SIGKILL in the middle of a batch, then run again, and two
// scans and a watcher at once on one folder and one database: every file ends up in the database
// exactly once and the database passes SQLite's integrity check (store S2, one transaction per
// source; issue 24's busy timeout and "already stored").
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "pipeline/store/store.hpp"
#include "tests/test_support.hpp"

namespace shoebox {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// The binary run with these arguments, its output thrown away.
pid_t Start(const std::vector<std::string>& args) {
  std::vector<char*> argv = {const_cast<char*>(SHOEBOX_BINARY)};
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
    ::execv(SHOEBOX_BINARY, argv.data());
    ::_exit(127);
  }
  return pid;
}

pid_t StartScan(const std::string& inbox, const std::string& db_path) {
  return Start({"scan", inbox, "--db", db_path, "--jobs", "2", "--no-progress"});
}

// The exit code of a process that ended by itself, or -1.
int ExitCode(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::int64_t Count(const std::string& db_path, const std::string& sql) {
  auto db = store::Database::Open(db_path, store::Mode::kReadOnly);
  if (!db) return -1;
  auto table = (*db)->Select(sql);
  if (!table || table->rows.empty() || !std::holds_alternative<std::int64_t>(table->rows[0][0])) return -1;
  return std::get<std::int64_t>(table->rows[0][0]);
}

std::string IntegrityCheck(const std::string& db_path) {
  auto db = store::Database::Open(db_path, store::Mode::kReadOnly);
  if (!db) return db.error().message;
  auto table = (*db)->Select("PRAGMA integrity_check");
  if (!table) return table.error().message;
  return std::get<std::string>(table->rows.at(0).at(0));
}

TEST(Crash, KillNineInTheMiddleOfTwoHundredFilesThenRunAgain) {
  testing::ScratchDir scratch;
  std::string inbox = scratch / "inbox", db_path = scratch / "s.db";
  fs::create_directory(inbox);
  // 180 born-digital statements and 20 scanned ones (the scans keep the batch busy long enough to be
  // killed in the middle); a PDF comment after the end makes each copy's bytes its own.
  std::vector<std::string> born, scanned;
  for (const auto& entry : fs::directory_iterator(testing::SamplesInbox())) {
    std::string name = entry.path().filename().string();
    if (name.find("born_digital.pdf") != std::string::npos) born.push_back(testing::ReadFile(entry.path()));
    if (name.find("-scan.pdf") != std::string::npos) scanned.push_back(testing::ReadFile(entry.path()));
  }
  ASSERT_FALSE(born.empty());
  ASSERT_FALSE(scanned.empty());
  constexpr int kFiles = 200;
  for (int n = 0; n < kFiles; ++n) {
    const std::vector<std::string>& pool = n % 10 == 5 ? scanned : born;
    char name[32];
    std::snprintf(name, sizeof name, "/file-%03d.pdf", n);
    testing::WriteFile(inbox + name, pool[static_cast<size_t>(n) % pool.size()] + "%copy " + std::to_string(n) + "\n");
  }

  pid_t scan = StartScan(inbox, db_path);
  auto deadline = std::chrono::steady_clock::now() + 120s;
  std::int64_t stored_at_kill = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    stored_at_kill = Count(db_path, "SELECT count(*) FROM sources");
    if (stored_at_kill >= 40) break;
    std::this_thread::sleep_for(20ms);
  }
  ::kill(scan, SIGKILL);
  int status = 0;
  ::waitpid(scan, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the scan ended before it could be killed";
  std::int64_t after_kill = Count(db_path, "SELECT count(*) FROM sources");
  EXPECT_GE(after_kill, 40);
  EXPECT_LT(after_kill, kFiles) << "the kill came too late to test anything";
  EXPECT_EQ(IntegrityCheck(db_path), "ok");
  // No document without its source's pages: what is there is whole.
  EXPECT_EQ(Count(db_path,
                  "SELECT count(*) FROM sources s WHERE status = 'done' AND page_count != "
                  "(SELECT count(*) FROM pages p WHERE p.source_id = s.id)"),
            0);

  pid_t again = StartScan(inbox, db_path);
  ::waitpid(again, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(IntegrityCheck(db_path), "ok");
  EXPECT_EQ(Count(db_path, "SELECT count(*) FROM sources"), kFiles);
  EXPECT_EQ(Count(db_path, "SELECT count(DISTINCT path) FROM sources WHERE status = 'done'"), kFiles);
  EXPECT_EQ(Count(db_path, "SELECT count(DISTINCT sha256) FROM sources"), kFiles);
}

// Two scans and a watcher, the watcher first: it finds the files settled as the scans begin, so all
// three read and store the same files at once (the second scan in the other order). One round is
// short; `ctest -R Concurrency --repeat until-fail:10` runs twenty (docs/RELIABILITY.md).
TEST(Concurrency, TwoScansAndAWatcherOnOneFolderStoreEachFileOnceAndNoneFails) {
  std::vector<std::string> faxes, born;  // faxes first (read by OCR, slow enough to overlap), then born-digital
  std::vector<fs::path> samples;
  for (const auto& entry : fs::directory_iterator(testing::SamplesInbox())) samples.push_back(entry.path());
  std::sort(samples.begin(), samples.end());
  for (const fs::path& sample : samples) {
    std::string name = sample.filename().string();
    if (name.find("-fax.png") != std::string::npos && faxes.size() < 4) faxes.push_back(testing::ReadFile(sample));
    if (name.find("born_digital.pdf") != std::string::npos) born.push_back(testing::ReadFile(sample));
  }
  ASSERT_EQ(faxes.size(), 4u);
  std::vector<std::string> papers = faxes;
  papers.insert(papers.end(), born.begin(), born.end());
  const auto files = static_cast<std::int64_t>(papers.size());
  for (int round = 0; round < 2; ++round) {
    testing::ScratchDir scratch;
    std::string inbox = scratch / "inbox", db_path = scratch / "s.db";
    fs::create_directory(inbox);
    std::vector<std::string> backwards = {"scan", "--db", db_path, "--jobs", "1", "--no-progress"};
    for (size_t n = 0; n < papers.size(); ++n) {
      std::string path = inbox + "/file-" + std::to_string(100 + n) + (n < 4 ? ".png" : ".pdf");
      testing::WriteFile(path, papers[n]);
      backwards.insert(backwards.begin() + 6, path);
    }
    pid_t watcher = Start({"watch", inbox, "--db", db_path, "--settle", "1", "--jobs", "1"});
    std::this_thread::sleep_for(1200ms);  // the files have been still for the watcher's second
    pid_t first = Start({"scan", inbox, "--db", db_path, "--jobs", "1", "--no-progress"});
    pid_t second = Start(backwards);
    EXPECT_EQ(ExitCode(first), 0) << "round " << round;
    EXPECT_EQ(ExitCode(second), 0) << "round " << round;
    auto deadline = std::chrono::steady_clock::now() + 60s;
    while (std::chrono::steady_clock::now() < deadline &&
           Count(db_path, "SELECT count(*) FROM sources WHERE status = 'done'") < files) {
      std::this_thread::sleep_for(50ms);
    }
    ::kill(watcher, SIGTERM);
    EXPECT_EQ(ExitCode(watcher), 0) << "round " << round;
    EXPECT_EQ(IntegrityCheck(db_path), "ok");
    EXPECT_EQ(Count(db_path, "SELECT count(*) FROM sources"), files) << "round " << round;
    EXPECT_EQ(Count(db_path, "SELECT count(DISTINCT sha256) FROM sources WHERE status = 'done'"), files);
    EXPECT_EQ(Count(db_path, "SELECT count(*) FROM documents"), files);
  }
}

}  // namespace
}  // namespace shoebox
