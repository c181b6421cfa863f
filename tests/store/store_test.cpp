// store: invariants S1–S3 of store.hpp, migrations, read-only queries, all-or-nothing writes.
#include "pipeline/store/store.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "pipeline/core/embedded_data.hpp"
#include "pipeline/present/show.hpp"
#include "tests/test_support.hpp"

namespace shoebox::store {
namespace {

SourceResult SampleSource(const std::string& sha) {
  SourceResult source;
  source.path = "inbox/bill.pdf";
  source.sha256 = sha;
  source.size_bytes = 1234;
  source.media_type = "application/pdf";
  Page page;
  page.number = 1;
  page.text_source = TextSource::kTextLayer;
  page.words = {{"Amount", {10, 10, 80, 30}, 1.0}, {"Due", {90, 10, 130, 30}, 1.0}};
  page.text = "Amount Due\n";
  source.pages.push_back(page);
  Document document;
  document.first_page = document.last_page = 1;
  document.kind = DocumentKind::kBill;
  document.kind_confidence = 0.9;
  document.fields.push_back({"amount_due_cents", "", Cents{12000}, 0.95, 1, {140, 10, 200, 30}, "label_next_cell: amount due"});
  document.line_items.push_back({"2025-02-03", "0450", "99284", "ER VISIT", 1, 184000, 1, {1, 2, 3, 4}, 0.9});
  document.checks.push_back({"amount_due_equals_charges_less_credits", true, ""});
  source.documents.push_back(document);
  return source;
}

std::int64_t Count(Database& db, const std::string& table) {
  return std::get<std::int64_t>(db.Select("SELECT count(*) FROM " + table)->rows[0][0]);
}

TEST(Database, CreatedPrivateAndMigrated) {  // S1
  testing::ScratchDir dir;
  auto db = Database::Open(dir / "s.db", Mode::kReadWrite);
  ASSERT_TRUE(db) << db.error().message;
  struct stat info {};
  ASSERT_EQ(::stat((dir / "s.db").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_EQ((*db)->SchemaVersion(), static_cast<int>(embedded::Migrations().size()));
  ASSERT_TRUE((*db)->WriteSource(SampleSource("aa"), false, "2026-01-01T00:00:00Z"));
  ASSERT_EQ(::stat((dir / "s.db-wal").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
}

// A database an older shoebox made is brought up to date when a reading verb opens it: the report
// and the log read today's columns.
TEST(Database, AnOlderDatabaseIsMigratedWhenOpenedForReading) {
  testing::ScratchDir dir;
  {
    auto db = Database::Open(dir / "old.db", Mode::kReadWrite);
    ASSERT_TRUE(db);
    ASSERT_TRUE((*db)->Select("DROP TABLE person_names"));
    ASSERT_TRUE((*db)->Select("DROP TABLE household"));
    ASSERT_TRUE((*db)->Select("DROP TABLE corrections"));
    ASSERT_TRUE((*db)->Select("ALTER TABLE notes DROP COLUMN undone_on"));
    ASSERT_TRUE((*db)->Select("PRAGMA user_version = 12"));
  }
  auto db = Database::Open(dir / "old.db", Mode::kReadOnly);
  ASSERT_TRUE(db) << db.error().message;
  EXPECT_GT((*db)->SchemaVersion(), 12);
  EXPECT_TRUE((*db)->LoadNotes());
  EXPECT_TRUE((*db)->LoadCorrections());
  EXPECT_TRUE((*db)->LoadHousehold());
  EXPECT_TRUE((*db)->LoadPersonNames());
}

TEST(Database, SameBytesTwiceIsRefusedUnlessReplaced) {  // S2
  testing::ScratchDir dir;
  auto db = Database::Open(dir / "s.db", Mode::kReadWrite);
  ASSERT_TRUE((*db)->WriteSource(SampleSource("aa"), false, "t"));
  EXPECT_TRUE((*db)->HasSource("aa"));
  auto again = (*db)->WriteSource(SampleSource("aa"), false, "t");
  ASSERT_TRUE(again) << again.error().message;  // stored already: not an error, and nothing written
  EXPECT_FALSE(*again);
  EXPECT_EQ(Count(**db, "documents"), 1);
  ASSERT_TRUE((*db)->WriteSource(SampleSource("aa"), true, "t"));
  EXPECT_EQ(Count(**db, "sources"), 1);
  EXPECT_EQ(Count(**db, "documents"), 1);
  EXPECT_EQ(Count(**db, "words"), 2);
}

// Issue 24, defects 2 and 3: two processes on one database (each handle its own connection).
TEST(Database, TwoProcessesOpeningANewDatabaseTakeTurnsAtItsMigrations) {
  for (int round = 0; round < 20; ++round) {
    testing::ScratchDir dir;
    std::string path = dir / "s.db";
    Result<std::unique_ptr<Database>> first = MakeError("not opened"), second = MakeError("not opened");
    std::thread other([&] { second = Database::Open(path, Mode::kReadWrite); });
    first = Database::Open(path, Mode::kReadWrite);
    other.join();
    ASSERT_TRUE(first) << first.error().message;
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_EQ((*second)->SchemaVersion(), static_cast<int>(embedded::Migrations().size()));
  }
}

TEST(Database, BytesASecondWriterStoredFirstAreStoredOnce) {
  testing::ScratchDir dir;
  auto scanner = Database::Open(dir / "s.db", Mode::kReadWrite);
  auto watcher = Database::Open(dir / "s.db", Mode::kReadWrite);
  EXPECT_FALSE((*scanner)->HasSource("aa"));  // both looked before either wrote
  EXPECT_FALSE((*watcher)->HasSource("aa"));
  ASSERT_TRUE((*watcher)->WriteSource(SampleSource("aa"), false, "t"));
  auto late = (*scanner)->WriteSource(SampleSource("aa"), false, "t");
  ASSERT_TRUE(late) << late.error().message;
  EXPECT_FALSE(*late);
  EXPECT_EQ(Count(**scanner, "sources"), 1);
  EXPECT_EQ(Count(**scanner, "documents"), 1);
}

TEST(Database, FailedSourcesAreRecordedOncePerPath) {  // S3
  testing::ScratchDir dir;
  auto db = Database::Open(dir / "s.db", Mode::kReadWrite);
  SourceResult failed;
  failed.path = "inbox/empty.pdf";
  failed.status = SourceStatus::kFailed;
  failed.error = "empty file (0 bytes)";
  ASSERT_TRUE((*db)->WriteSource(failed, false, "t"));
  ASSERT_TRUE((*db)->WriteSource(failed, false, "t"));
  auto rows = (*db)->Select("SELECT path, status, error FROM sources");
  ASSERT_EQ(rows->rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(rows->rows[0][2]), "empty file (0 bytes)");
}

// A write that fails at any statement leaves nothing of its source behind.
TEST(Database, AllOrNothingAtEveryWrite) {
  testing::ScratchDir dir;
  auto db = Database::Open(dir / "s.db", Mode::kReadWrite);
  ASSERT_TRUE((*db)->WriteSource(SampleSource("before"), false, "t"));
  for (int n = 2; n <= 9; ++n) {  // statement 1 is BEGIN; every later one is a write
    (*db)->FailNthWriteForTesting(n);
    auto written = (*db)->WriteSource(SampleSource("new"), false, "t");
    ASSERT_FALSE(written) << "write " << n;
    EXPECT_EQ(written.error().message, "database: injected write failure");
    EXPECT_EQ(Count(**db, "sources"), 1) << "write " << n;
    EXPECT_EQ(Count(**db, "documents"), 1) << "write " << n;
    EXPECT_EQ(Count(**db, "words"), 2) << "write " << n;
  }
  (*db)->FailNthWriteForTesting(0);
  ASSERT_TRUE((*db)->WriteSource(SampleSource("new"), false, "t"));
  EXPECT_EQ(Count(**db, "documents"), 2);
  EXPECT_EQ(std::get<std::string>((*db)->Select("PRAGMA integrity_check")->rows[0][0]), "ok");
}

// A notice's claim lines and the pairing of bill lines with them survive the database as written;
// deleting the notice takes its lines with it.
// A kind's form and a claim line's text columns are stored and read back, and show prints them
// (in text, where a line's details once crashed it, and in JSON).
TEST(Database, FormsLineDetailsAndReadingRulesRoundTripAndAreShown) {
  testing::ScratchDir dir;
  auto db = Database::Open(dir / "s.db", Mode::kReadWrite);
  SourceResult notice = SampleSource("dental");
  Document& eob = notice.documents[0];
  eob.kind = DocumentKind::kEob;
  eob.form = "dental";
  eob.line_items.clear();
  Claim claim;
  claim.claim_number = "529214793992";
  ClaimLine crown;
  crown.date_of_service = "2025-08-15";
  crown.code = "D2740";
  crown.billed_cents = 128000, crown.allowed_cents = 97280, crown.patient_responsibility_cents = 51140;
  crown.details = {{"tooth_number", "3"}};
  ClaimLine exam = crown;
  exam.code = "D0120";
  exam.details.clear();
  claim.lines = {crown, exam};
  eob.claims.push_back(claim);
  ASSERT_TRUE((*db)->WriteSource(notice, false, "t"));
  auto stored = (*db)->LoadDocuments();
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->size(), 1u);
  const Document& read = stored->front().document;
  EXPECT_EQ(read.form, "dental");
  ASSERT_EQ(read.claims.size(), 1u);
  ASSERT_EQ(read.claims[0].lines.size(), 2u);
  EXPECT_EQ(read.claims[0].lines[0].details, crown.details);
  EXPECT_TRUE(read.claims[0].lines[1].details.empty());
  ASSERT_FALSE(read.fields.empty());
  EXPECT_EQ(read.fields[0].read_by, "label_next_cell: amount due");  // how the field was read is kept
  auto text = show::DocumentText(**db, stored->front().id);
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("      read by label_next_cell: amount due\n"), std::string::npos) << *text;
  EXPECT_NE(text->find(" eob (dental) ("), std::string::npos) << *text;
  EXPECT_NE(text->find("D2740  billed $1,280.00, allowed $972.80, you owe $511.40  tooth_number 3\n"), std::string::npos)
      << *text;
  auto json = show::DocumentJson(**db, stored->front().id);
  ASSERT_TRUE(json);
  nlohmann::json shown = nlohmann::json::parse(*json);
  EXPECT_EQ(shown["document"]["form"], "dental");
  EXPECT_EQ(shown["document"]["claims"][0]["lines"][0]["details"]["tooth_number"], "3");
  EXPECT_FALSE(shown["document"]["claims"][0]["lines"][1].contains("details"));
  EXPECT_EQ(shown["document"]["fields"]["amount_due_cents"]["read_by"], "label_next_cell: amount due");
}

TEST(Database, ClaimLinesAndMatchedLinesRoundTrip) {
  testing::ScratchDir dir;
  auto db = Database::Open(dir / "s.db", Mode::kReadWrite);
  ASSERT_TRUE((*db)->WriteSource(SampleSource("bill"), false, "t"));
  SourceResult notice = SampleSource("eob");
  notice.path = "inbox/eob.pdf";
  Document& eob = notice.documents[0];
  eob.kind = DocumentKind::kEob;
  eob.line_items.clear();
  Claim claim;
  claim.claim_number = "2025034411827";
  ClaimLine line;
  line.date_of_service = "2025-02-03";
  line.code = "99284";
  line.description = "ER VISIT";
  line.billed_cents = 184000, line.allowed_cents = 90000, line.patient_responsibility_cents = 15000;
  line.remark_codes = {"PR-1", "CO-45"};
  line.page = 1, line.box_px = {5, 6, 7, 8}, line.confidence = 0.8;
  claim.lines = {line, line};
  claim.lines[1].code = "J1885";
  eob.claims.push_back(claim);
  ASSERT_TRUE((*db)->WriteSource(notice, false, "t"));

  auto documents = (*db)->LoadDocuments();
  ASSERT_TRUE(documents);
  const StoredDocument *stored = nullptr, *bill = nullptr;
  for (const auto& d : *documents) {
    (d.document.kind == DocumentKind::kEob ? stored : bill) = &d;
  }
  ASSERT_NE(stored, nullptr);
  ASSERT_EQ(stored->document.claims.size(), 1u);
  const auto& lines = stored->document.claims[0].lines;
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].description, "ER VISIT");
  EXPECT_EQ(lines[0].billed_cents, 184000);
  EXPECT_EQ(lines[0].allowed_cents, 90000);
  EXPECT_FALSE(lines[0].copay_cents);
  EXPECT_EQ(lines[0].remark_codes, (std::vector<std::string>{"PR-1", "CO-45"}));
  EXPECT_EQ(lines[0].box_px.x1, 7);
  EXPECT_EQ(lines[1].code, "J1885");

  ASSERT_NE(bill, nullptr);
  Match match{bill->id, stored->id, 0, "2025034411827", 0.9, "lines", {{0, 1}}};
  ASSERT_TRUE((*db)->ReplaceFindings({}, {match}, {}, "2025-05-01"));
  auto paired = (*db)->Select("SELECT m.claim_number, l.bill_line, l.eob_line FROM match_lines l JOIN matches m ON m.id = l.match_id");
  ASSERT_EQ(paired->rows.size(), 1u);
  EXPECT_EQ(std::get<std::int64_t>(paired->rows[0][2]), 1);
  ASSERT_TRUE((*db)->Select("DELETE FROM documents WHERE kind = 'eob'"));
  EXPECT_EQ(Count(**db, "claim_lines"), 0);
}

TEST(Database, ReadOnlyRefusesWrites) {
  testing::ScratchDir dir;
  { ASSERT_TRUE(Database::Open(dir / "s.db", Mode::kReadWrite)); }
  auto db = Database::Open(dir / "s.db", Mode::kReadOnly);
  ASSERT_TRUE(db);
  EXPECT_TRUE((*db)->Select("SELECT count(*) FROM sources"));
  EXPECT_EQ((*db)->Select("DELETE FROM sources").error().message,
            "database: query: only read-only statements are allowed");
  EXPECT_EQ((*db)->Select("SELECT 1; DELETE FROM sources").error().message,
            "database: query: give one statement at a time");
  EXPECT_FALSE(Database::Open(dir / "missing.db", Mode::kReadOnly));
}

TEST(DocumentId, StableAndDistinctPerPageRange) {
  EXPECT_EQ(DocumentId("abc", 1, 2), DocumentId("abc", 1, 2));
  EXPECT_NE(DocumentId("abc", 1, 2), DocumentId("abc", 3, 4));
  EXPECT_EQ(DocumentId("abc", 1, 2).size(), 16u);
}

}  // namespace
}  // namespace shoebox::store
