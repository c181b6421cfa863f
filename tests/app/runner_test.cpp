// runner with a fake OCR engine: page failures, engine failures and the rules R1–R3.
#include "pipeline/app/runner.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <leptonica/allheaders.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <sstream>
#include <thread>

#include "tests/fake_engine.hpp"
#include "tests/test_support.hpp"

namespace shoebox::runner {
namespace {

using testing::FakeOptions;

TEST(ProcessBytes, OcrPagesGoThroughTheEngine) {
  std::atomic<int> made = 0;
  std::unique_ptr<ocr::Engine> engine;
  std::string bytes = testing::ReadFile(testing::SamplesInbox() + "/E001-bill-fax.png");
  SourceResult result = ProcessBytes("fax.png", bytes, &engine, FakeOptions(false, &made));
  EXPECT_EQ(result.status, SourceStatus::kDone);
  ASSERT_EQ(result.pages.size(), 1u);
  // A row of dashes is no word: not in the text, not among the words.
  EXPECT_EQ(result.pages[0].text, "Statement Date\nAmount Due $12.00\nPatient Avery\n");
  EXPECT_EQ(result.pages[0].words.size(), 7u);
  EXPECT_TRUE(result.pages[0].image.empty());  // images do not outlive OCR
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].kind, DocumentKind::kBill);
  // R3: the engine is made once and kept for the next file.
  ProcessBytes("fax2.png", bytes, &engine, FakeOptions(false, &made));
  EXPECT_EQ(made.load(), 1);
}

TEST(ProcessBytes, KeepsEachPreparationStepsImage) {
  testing::ScratchDir dir;
  std::atomic<int> made = 0;
  std::unique_ptr<ocr::Engine> engine;
  Options options = FakeOptions(false, &made);
  options.keep_intermediates_dir = dir.path();
  ProcessBytes("bill.jpg", testing::ReadFile(testing::SamplesInbox() + "/E001-bill-photo.jpg"), &engine, options);
  for (const char* step : {"ingest", "sheet", "light", "prepare"}) {
    std::string file = dir / ("bill.jpg-p1-" + std::string(step) + ".png");
    struct stat info {};
    ASSERT_EQ(::stat(file.c_str(), &info), 0) << file;
    EXPECT_EQ(info.st_mode & 0777, 0600u) << file;
  }
}

TEST(ProcessBytes, TextLayerPagesNeedNoEngine) {
  std::atomic<int> made = 0;
  std::unique_ptr<ocr::Engine> engine;
  SourceResult result = ProcessBytes("bill.pdf", testing::ReadFile(testing::SamplesInbox() + "/E001-bill-born_digital.pdf"),
                                     &engine, FakeOptions(false, &made));
  EXPECT_EQ(result.pages[0].text_source, TextSource::kTextLayer);
  EXPECT_EQ(made.load(), 0);
}

TEST(ProcessBytes, AFailingPageIsMarkedAndTheDocumentKept) {
  std::atomic<int> made = 0;
  std::unique_ptr<ocr::Engine> engine;
  SourceResult result = ProcessBytes("fax.png", testing::ReadFile(testing::SamplesInbox() + "/E001-bill-fax.png"), &engine,
                                     FakeOptions(true, &made));
  EXPECT_EQ(result.status, SourceStatus::kDone);
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].error, "page 1: ocr: tesseract failed to recognize the page");
  EXPECT_EQ(result.documents.size(), 1u);
}

// A PNG of one white pixel, or a few: what a broken camera app or a thumbnail leaves behind.
std::string TinyPng(int width, int height) {
  PIX* pix = pixCreate(width, height, 8);
  pixSetAllArbitrary(pix, 255);
  l_uint8* data = nullptr;
  size_t size = 0;
  pixWriteMem(&data, &size, pix, IFF_PNG);
  pixDestroy(&pix);
  std::string bytes(reinterpret_cast<const char*>(data), size);
  lept_free(data);
  return bytes;
}

TEST(ProcessBytes, AnImageTooSmallToReadIsAPagesReasonNotACrash) {  // issue 24, defect 1
  std::atomic<int> made = 0;
  std::unique_ptr<ocr::Engine> engine;
  for (auto [width, height] : {std::pair{1, 1}, std::pair{3, 2}, std::pair{15, 400}}) {
    SourceResult result = ProcessBytes("px.png", TinyPng(width, height), &engine, FakeOptions(false, &made));
    EXPECT_EQ(result.status, SourceStatus::kDone);
    ASSERT_EQ(result.pages.size(), 1u);
    EXPECT_EQ(result.pages[0].error, "page 1: the image is " + std::to_string(width) + "x" + std::to_string(height) +
                                         " px, too small to read");
  }
}

// No silent pages (issue 22): a page read without a word says why, and is no failure.
TEST(ProcessBytes, APageWithoutAWordSaysWhy) {
  std::atomic<int> made = 0;
  std::unique_ptr<ocr::Engine> engine;
  SourceResult blank = ProcessBytes("blank.png", TinyPng(1700, 2200), &engine, FakeOptions(false, &made));
  EXPECT_EQ(blank.status, SourceStatus::kDone);
  ASSERT_EQ(blank.pages.size(), 1u);
  EXPECT_EQ(blank.pages[0].error, "");
  EXPECT_EQ(blank.pages[0].no_text, "no text: the page looks blank");
  SourceResult read = ProcessBytes("fax.png", testing::ReadFile(testing::SamplesInbox() + "/E001-bill-fax.png"), &engine,
                                   FakeOptions(false, &made));
  ASSERT_EQ(read.pages.size(), 1u);
  EXPECT_EQ(read.pages[0].no_text, "");
}

// An engine that throws, as OpenCV, Leptonica or Poppler may on input they were not made for.
class ThrowingEngine : public testing::FakeEngine {
 public:
  ThrowingEngine() : testing::FakeEngine(false) {}
  Result<std::vector<Word>> Recognize(const GrayImage&, int) override {
    throw std::runtime_error("engine broke\non two lines\n");
  }
};

TEST(ProcessBytes, WhatAnEngineThrowsIsThePagesOneLineReason) {  // issue 24, defect 1
  std::unique_ptr<ocr::Engine> engine;
  Options options;
  options.make_engine = []() -> Result<std::unique_ptr<ocr::Engine>> {
    return std::unique_ptr<ocr::Engine>(std::make_unique<ThrowingEngine>());
  };
  SourceResult result = ProcessBytes("fax.png", testing::ReadFile(testing::SamplesInbox() + "/E001-bill-fax.png"), &engine,
                                     options);
  EXPECT_EQ(result.status, SourceStatus::kDone);
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].error, "page 1: could not be read: engine broke on two lines");
}

// Notes which thread recognised each page, and takes its time doing so.
class ThreadNotingEngine : public testing::FakeEngine {
 public:
  ThreadNotingEngine(std::mutex* mutex, std::set<std::thread::id>* threads)
      : testing::FakeEngine(false), mutex_(mutex), threads_(threads) {}
  Result<std::vector<Word>> Recognize(const GrayImage& image, int dpi) override {
    {
      std::lock_guard lock(*mutex_);
      threads_->insert(std::this_thread::get_id());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return testing::FakeEngine::Recognize(image, dpi);
  }

 private:
  std::mutex* mutex_;
  std::set<std::thread::id>* threads_;
};

// One long file is read by every worker, a page each at a time, and its pages stay in order.
TEST(Scan, ThePagesOfOneLongFileAreSharedByTheWorkers) {
  testing::ScratchDir dir;
  Pix* fax = pixRead((testing::SamplesInbox() + "/E001-bill-fax.png").c_str());
  ASSERT_NE(fax, nullptr);
  Pixa* pixa = pixaCreate(4);
  for (int i = 0; i < 4; ++i) pixaAddPix(pixa, fax, L_COPY);
  pixDestroy(&fax);
  std::string path = dir / "long.tif";
  ASSERT_EQ(pixaWriteMultipageTiff(path.c_str(), pixa), 0);
  pixaDestroy(&pixa);

  std::mutex mutex;
  std::set<std::thread::id> threads;
  std::atomic<int> made = 0;
  Options options = FakeOptions(false, &made);
  options.make_engine = [&]() -> Result<std::unique_ptr<ocr::Engine>> {
    return std::unique_ptr<ocr::Engine>(std::make_unique<ThreadNotingEngine>(&mutex, &threads));
  };
  auto db = store::Database::Open(dir / "s.db", store::Mode::kReadWrite);
  std::ostringstream out, err;
  auto summary = Scan({path}, **db, options, out, err);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->pages, 4);
  EXPECT_EQ(threads.size(), 2u);
  auto pages = (*db)->Select("SELECT number FROM pages ORDER BY id");
  ASSERT_EQ(pages->rows.size(), 4u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(std::get<std::int64_t>(pages->rows[static_cast<size_t>(i)][0]), i + 1);
}

TEST(Scan, BadFilesAreNamedAndTheBatchGoesOn) {  // R1, R2
  testing::ScratchDir dir;
  std::string inbox = dir / "inbox";
  ::mkdir(inbox.c_str(), 0700);
  testing::WriteFile(inbox + "/a-empty.pdf", "");
  testing::WriteFile(inbox + "/b-text.pdf", "just some text\n");
  std::string good = testing::ReadFile(testing::SamplesInbox() + "/E003-bill-born_digital.pdf");
  testing::WriteFile(inbox + "/c-good.pdf", good);
  testing::WriteFile(inbox + "/.hidden.pdf", "");
  struct stat before {};
  ::stat((inbox + "/c-good.pdf").c_str(), &before);

  auto db = store::Database::Open(dir / "s.db", store::Mode::kReadWrite);
  std::atomic<int> made = 0;
  std::ostringstream out, err;
  auto summary = Scan({inbox, dir / "missing.pdf"}, **db, FakeOptions(false, &made), out, err);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->files_seen, 4);
  EXPECT_EQ(summary->files_scanned, 1);
  EXPECT_EQ(summary->files_failed, 3);
  EXPECT_EQ(err.str(), inbox + "/a-empty.pdf: empty file (0 bytes)\n" + inbox +
                           "/b-text.pdf: not a pdf, png, jpeg, tiff or heic file\n" + dir.path() +
                           "/missing.pdf: cannot open: No such file or directory\n");
  auto failed = (*db)->Select("SELECT count(*) FROM sources WHERE status = 'failed'");
  EXPECT_EQ(std::get<std::int64_t>(failed->rows[0][0]), 3);
  // R1: the original is untouched.
  struct stat after {};
  ::stat((inbox + "/c-good.pdf").c_str(), &after);
  EXPECT_EQ(after.st_mtime, before.st_mtime);
  EXPECT_EQ(testing::ReadFile(inbox + "/c-good.pdf"), good);

  // A second scan skips what is stored and retries only the failures.
  std::ostringstream out2, err2;
  auto again = Scan({inbox}, **db, FakeOptions(false, &made), out2, err2);
  EXPECT_EQ(again->files_skipped, 1);
  EXPECT_EQ(again->files_failed, 2);
  EXPECT_EQ(out2.str(), "");
}

TEST(Scan, BrokenLinksInAFolderAreRecordedLikeFilesGivenByName) {  // issue 24, defect 8
  testing::ScratchDir dir;
  std::string inbox = dir / "inbox";
  ::mkdir(inbox.c_str(), 0700);
  ASSERT_EQ(::symlink("nowhere.pdf", (inbox + "/a-dangling.pdf").c_str()), 0);
  ASSERT_EQ(::symlink("b-loop.pdf", (inbox + "/b-loop.pdf").c_str()), 0);
  auto db = store::Database::Open(dir / "s.db", store::Mode::kReadWrite);
  std::atomic<int> made = 0;
  std::ostringstream out, err;
  auto summary = Scan({inbox}, **db, FakeOptions(false, &made), out, err);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->files_failed, 2);
  EXPECT_EQ(err.str(), inbox + "/a-dangling.pdf: cannot open: No such file or directory\n" + inbox +
                           "/b-loop.pdf: cannot open: Too many levels of symbolic links\n");
  auto failed = (*db)->Select("SELECT count(*) FROM sources WHERE status = 'failed'");
  EXPECT_EQ(std::get<std::int64_t>(failed->rows[0][0]), 2);
}

TEST(Scan, AFileThatOutlastsItsTimeIsFailedWithTheReasonAndTheRunGoesOn) {  // issue 24, defect 9
  testing::ScratchDir dir;
  std::string inbox = dir / "inbox";
  ::mkdir(inbox.c_str(), 0700);
  testing::WriteFile(inbox + "/a-stalls.pdf", testing::SlowPdf());
  testing::WriteFile(inbox + "/b-bill.png", testing::ReadFile(testing::SamplesInbox() + "/E001-bill-fax.png"));
  auto db = store::Database::Open(dir / "s.db", store::Mode::kReadWrite);
  std::atomic<int> made = 0;
  Options options = FakeOptions(false, &made);
  options.file_timeout = std::chrono::seconds(1);
  std::ostringstream out, err;
  auto summary = Scan({inbox}, **db, options, out, err);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->files_failed, 1);
  EXPECT_EQ(summary->files_scanned, 1);
  EXPECT_EQ(err.str(), inbox + "/a-stalls.pdf: gave up after 1 s, the time one file may take (--file-timeout): it may "
                               "be damaged or made to stall readers\n");
  auto stored = (*db)->Select("SELECT status, page_count FROM sources ORDER BY path");
  ASSERT_EQ(stored->rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(stored->rows[0][0]), "failed");
  EXPECT_EQ(std::get<std::int64_t>(stored->rows[0][1]), 0);  // its page was not read in time: no documents from it
  EXPECT_EQ(std::get<std::string>(stored->rows[1][0]), "done");
}

TEST(Scan, AnInsurerPortalsFhirEobIsStoredAsItsClaimsAndABrokenOneIsRecorded) {  // issue 19
  testing::ScratchDir dir;
  std::string inbox = dir / "inbox";
  ::mkdir(inbox.c_str(), 0700);
  testing::WriteFile(inbox + "/a-eob.json",
                     R"({"resourceType": "ExplanationOfBenefit", "outcome": "complete", "insurer": {"display": "Plan"},
                        "identifier": [{"value": "C-1"}],
                        "total": [{"category": {"coding": [{"code": "memberliability"}]}, "amount": {"value": 12.5}}]})");
  testing::WriteFile(inbox + "/b-cut.json", R"({"resourceType": "ExplanationOfBenefit", "item": [)");
  auto db = store::Database::Open(dir / "s.db", store::Mode::kReadWrite);
  std::atomic<int> made = 0;
  std::ostringstream out, err;
  auto summary = Scan({inbox}, **db, FakeOptions(false, &made), out, err);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->files_scanned, 1);
  EXPECT_EQ(err.str(), inbox + "/b-cut.json: fhir file is not well-formed JSON\n");
  auto stored = (*db)->Select(
      "SELECT s.media_type, d.kind, c.claim_number, c.patient_responsibility_cents FROM sources s "
      "JOIN documents d ON d.source_id = s.id JOIN claims c ON c.document_id = d.id");
  ASSERT_EQ(stored->rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(stored->rows[0][0]), "application/fhir+json");
  EXPECT_EQ(std::get<std::string>(stored->rows[0][1]), "eob");
  EXPECT_EQ(std::get<std::string>(stored->rows[0][2]), "C-1");
  EXPECT_EQ(std::get<std::int64_t>(stored->rows[0][3]), 1250);
  EXPECT_EQ(made.load(), 0) << "no OCR engine for data";
}

}  // namespace
}  // namespace shoebox::runner
