// End to end through the CLI, in-process: the committed samples scan into the right kinds and
// fields, a second scan does nothing, the export keeps the contract, queries stay read-only.
#include "cli/cli.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/core/records.hpp"
#include "pipeline/reading/ingest.hpp"
#include "pipeline/reading/ocr.hpp"
#include "tests/app/run_cli.hpp"
#include "tests/json_schema.hpp"
#include "tests/test_support.hpp"

namespace shoebox::cli {
namespace {

using Json = nlohmann::json;

using testing::Outcome;
using testing::RunCli;

TEST(Cli, AStoppedScanSaysSoExits130AndTheNextRunGoesOn) {
  testing::ScratchDir dir;
  std::string db = dir / "s.db";
  std::atomic<bool> stop{true};  // Ctrl-C before the first file
  Outcome stopped = RunCli({"--db", db, "scan", testing::SamplesInbox(), "--today", "2025-12-01"}, &stop);
  EXPECT_EQ(stopped.code, kExitInterrupted);
  EXPECT_NE(stopped.err.find("stopped: "), std::string::npos) << stopped.err;
  EXPECT_NE(stopped.err.find(" file(s) not scanned; run the same command again to go on"), std::string::npos);
  Outcome query = RunCli({"--db", db, "query", "SELECT count(*) AS n FROM sources", "--csv"});
  EXPECT_EQ(query.out, "n\n0\n");
}

TEST(Cli, UsageErrors) {
  EXPECT_EQ(RunCli({}).code, kExitUsage);
  Outcome typo = RunCli({"scna"});
  EXPECT_EQ(typo.code, kExitUsage);
  EXPECT_EQ(typo.err, "shoebox: 'scna' is not a verb; did you mean 'scan'? (shoebox --help lists them)\n");
  EXPECT_EQ(RunCli({"scan", "--jobs", "zero", "x"}).err, "shoebox scan: --jobs takes a whole number above 0\n");
  EXPECT_EQ(RunCli({"export"}).code, kExitUsage);
  EXPECT_EQ(RunCli({"scan", "--frobnicate", "x"}).err,
            "shoebox scan: unknown option --frobnicate (usage: shoebox scan PATH... [--force] [--jobs N] [--dpi N] "
            "[--file-timeout SECONDS] [--keep-intermediates DIR] [--today DATE] [--no-progress])\n");
  EXPECT_EQ(RunCli({"watch", "--file-timeout", "0", "x"}).err,
            "shoebox watch: --file-timeout takes a number of seconds from 1 to 604800\n");
  // Each verb's help, from the verb table; a mistyped option gets the closest one.
  for (const char* help : {"-h", "--help"}) {
    Outcome findings_help = RunCli({"findings", help});
    EXPECT_EQ(findings_help.code, kExitOk);
    EXPECT_NE(findings_help.out.find("Usage: shoebox findings [OPTIONS]"), std::string::npos) << findings_help.out;
    EXPECT_NE(findings_help.out.find("--today DATE"), std::string::npos) << findings_help.out;
    EXPECT_EQ(findings_help.err, "");
  }
  EXPECT_NE(RunCli({"scan", "--help"}).out.find("--keep-intermediates DIR"), std::string::npos);
  EXPECT_EQ(RunCli({"findings", "--jsn"}).err,
            "shoebox findings: unknown option --jsn; did you mean --json? (usage: shoebox findings [--today DATE] [--json] "
            "[--person NAME])\n");
  testing::ScratchDir dir;
  EXPECT_EQ(RunCli({"--db", dir / "w.db", "watch", dir / "missing"}).err, "shoebox watch: " + (dir / "missing") + " is not a folder\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "w.db"));
  EXPECT_EQ(RunCli({"findings", "now"}).err,
            "shoebox findings: now is one argument too many (usage: shoebox findings [--today DATE] [--json] [--person NAME])\n");
}

// show: one document by its file's name or its id's first characters, as text or JSON, with the
// matches and findings that name it; an unknown or ambiguous name is a usage error.
TEST(Cli, ShowOneDocument) {
  testing::ScratchDir dir;
  std::string db = dir / "s.db";
  for (const char* name : {"E001-bill-born_digital.pdf", "E001-eob-born_digital.pdf"}) {
    testing::WriteFile(dir / name, testing::ReadFile(testing::SamplesInbox() + "/" + name));
  }
  Outcome scan = RunCli({"--db", db, "scan", dir / "E001-bill-born_digital.pdf", dir / "E001-eob-born_digital.pdf",
                         "--no-progress"});
  ASSERT_EQ(scan.code, kExitOk) << scan.err;
  // scan says what each paper is in words: no field names, dollars as dollars.
  EXPECT_NE(scan.out.find("E001-bill-born_digital.pdf: a bill: "), std::string::npos) << scan.out;
  EXPECT_NE(scan.out.find("E001-eob-born_digital.pdf: an explanation of benefits: "), std::string::npos) << scan.out;
  EXPECT_NE(scan.out.find("amount due $"), std::string::npos) << scan.out;
  EXPECT_EQ(scan.out.find("_cents"), std::string::npos) << scan.out;
  Outcome text = RunCli({"--db", db, "show", "E001-bill-born_digital.pdf"});
  ASSERT_EQ(text.code, kExitOk) << text.err;
  EXPECT_NE(text.out.find("  bill ("), std::string::npos);
  EXPECT_NE(text.out.find("amount_due_cents = $"), std::string::npos);
  EXPECT_NE(text.out.find("line items"), std::string::npos);
  EXPECT_NE(text.out.find("matched with"), std::string::npos);
  Outcome json = RunCli({"--db", db, "show", "E001-bill-born_digital.pdf", "--json"});
  ASSERT_EQ(json.code, kExitOk);
  Json shown = Json::parse(json.out);
  std::string id = shown["document"]["id"];
  EXPECT_EQ(shown["document"]["kind"], "bill");
  EXPECT_FALSE(shown["matches"].empty());
  EXPECT_EQ(RunCli({"--db", db, "show", id.substr(0, 6)}).code, kExitOk);
  Outcome unknown = RunCli({"--db", db, "show", "nothing-like-it.pdf"});
  EXPECT_EQ(unknown.code, kExitUsage);
  EXPECT_EQ(unknown.err, "shoebox show: no document is 'nothing-like-it.pdf'\n");
}

// No silent pages (issue 22): a blank page is said to be blank when it is scanned, by show and in
// the export, and is no failure.
TEST(Cli, APageWithoutTextSaysWhyInScanShowAndTheExport) {
  testing::ScratchDir dir;
  std::string db = dir / "s.db";
  const char* name = "Z001-blank-scan.pdf";
  testing::WriteFile(dir / name, testing::ReadFile(testing::SamplesInbox() + "/" + name));
  Outcome scan = RunCli({"--db", db, "scan", dir / name, "--no-progress"});
  EXPECT_EQ(scan.code, kExitOk) << scan.err;
  EXPECT_NE(scan.err.find(name + std::string(": page 1: no text: the page looks blank\n")), std::string::npos) << scan.err;
  EXPECT_NE(scan.err.find("0 with errors"), std::string::npos) << scan.err;
  Outcome shown = RunCli({"--db", db, "show", name});
  EXPECT_NE(shown.out.find("page 1: no text: the page looks blank\n"), std::string::npos) << shown.out;
  Outcome exported = RunCli({"--db", db, "export", "--json"});
  ASSERT_EQ(exported.code, kExitOk) << exported.err;
  EXPECT_EQ(Json::parse(exported.out)["documents"][0]["pages"][0]["no_text"], "no text: the page looks blank");
}

// A field's original_bbox is where it stands in the photograph as taken (before the sheet was cut
// out, flattened and straightened): cut from the photo and read again, it says the same amount.
// A file scanned by a relative path is found by its absolute one too (and by its name).
TEST(Cli, ShowFindsAFileScannedByARelativePathByItsAbsolutePath) {
  testing::ScratchDir dir;
  const char* name = "E001-bill-born_digital.pdf";
  std::filesystem::create_directories(dir / "papers");
  testing::WriteFile(dir / "papers" + "/" + name, testing::ReadFile(testing::SamplesInbox() + "/" + name));
  std::filesystem::path was = std::filesystem::current_path();
  std::filesystem::current_path(dir / "");
  ASSERT_EQ(RunCli({"--db", "s.db", "scan", "papers", "--no-progress"}).code, kExitOk);
  Outcome absolute = RunCli({"--db", "s.db", "show", std::filesystem::absolute("papers/" + std::string(name)).string()});
  std::filesystem::current_path(was);
  EXPECT_EQ(absolute.code, kExitOk) << absolute.err;
  EXPECT_NE(absolute.out.find("  bill ("), std::string::npos);
}

TEST(Cli, OriginalBoxesPointIntoThePhotoAsTaken) {
  testing::ScratchDir dir;
  std::string db = dir / "s.db", photo = testing::SamplesInbox() + "/E001-bill-photo.jpg";
  ASSERT_EQ(RunCli({"--db", db, "scan", photo, "--no-progress"}).code, kExitOk);
  Outcome exported = RunCli({"--db", db, "export", "--json"});
  ASSERT_EQ(exported.code, kExitOk);
  Json field = Json::parse(exported.out)["documents"][0]["fields"]["amount_due_cents"];
  ASSERT_TRUE(field["original_bbox"].is_array());
  EXPECT_NE(field["original_bbox"], field["bbox"]);  // the photo was flattened: the boxes differ
  long long cents = field["value"];
  char amount[32];
  std::snprintf(amount, sizeof amount, "%lld.%02lld", cents / 100, cents % 100);

  auto source = ingest::Open(testing::ReadFile(photo), {});
  ASSERT_TRUE(source);
  Page page = std::move((*source)->LoadPage(0)).value();
  int x0 = std::max(0, field["original_bbox"][0].get<int>() - 12), y0 = std::max(0, field["original_bbox"][1].get<int>() - 12);
  int x1 = std::min(page.image.width, field["original_bbox"][2].get<int>() + 12);
  int y1 = std::min(page.image.height, field["original_bbox"][3].get<int>() + 12);
  ASSERT_GT(x1 - x0, 10);
  ASSERT_GT(y1 - y0, 10);
  GrayImage crop = MakeGrayImage(x1 - x0, y1 - y0);
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      crop.pixels[static_cast<size_t>(y - y0) * crop.width + (x - x0)] = page.image.pixels[static_cast<size_t>(y) * page.image.width + x];
    }
  }
  auto engine = ocr::MakeTesseractEngine({});
  ASSERT_TRUE(engine);
  auto words = (*engine)->Recognize(crop, page.dpi);
  ASSERT_TRUE(words);
  std::string text;
  for (const Word& word : *words) text += word.text + " ";
  EXPECT_NE(text.find(amount), std::string::npos) << "read " << text << " for " << amount;
}

// The output of a shell command line, and its exit status.
std::pair<std::string, int> Shell(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return {"", -1};
  char buffer[4096];
  while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  return {output, ::pclose(pipe)};
}

// The man page and the bash completion come from the verb table: every verb and option is in
// both, the page is roff groff reads without a warning, and bash completes a verb, its options and
// the kinds of a log entry.
TEST(Cli, TheManPageAndTheCompletionNameEveryVerbAndOption) {
  testing::ScratchDir dir;
  Outcome man = RunCli({"--man-page"}), completion = RunCli({"--bash-completion"});
  ASSERT_EQ(man.code, kExitOk);
  ASSERT_EQ(completion.code, kExitOk);
  for (const char* word : {"scan", "watch", "findings", "report", "log", "query", "stages"}) {
    EXPECT_NE(man.out.find(".B " + std::string(word)), std::string::npos) << word;
    EXPECT_NE(completion.out.find(" " + std::string(word) + ")"), std::string::npos) << word;
  }
  EXPECT_NE(man.out.find(".B \\-\\-keep\\-intermediates \\fIDIR\\fR"), std::string::npos);
  testing::WriteFile(dir / "shoebox.1", man.out);
  testing::WriteFile(dir / "completion.bash", completion.out);
  if (std::system("command -v groff >/dev/null") == 0) {
    auto [warnings, status] = Shell("groff -man -Tutf8 -ww -z " + (dir / "shoebox.1") + " 2>&1");
    EXPECT_EQ(status, 0);
    EXPECT_EQ(warnings, "");
  }
  auto complete = [&](const std::string& words) {
    return Shell("bash -c 'source " + (dir / "completion.bash") + "; COMP_WORDS=(" + words +
                 "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _shoebox; echo ${COMPREPLY[@]}'")
        .first;
  };
  EXPECT_EQ(complete("shoebox fin"), "findings\n");
  EXPECT_EQ(complete("shoebox --db x.db findings --j"), "--json\n");
  EXPECT_EQ(complete("shoebox log agr"), "agreement\n");
  EXPECT_EQ(complete("shoebox scan --keep-"), "--keep-intermediates\n");
}

TEST(Cli, StagesListsThePipeline) {
  Outcome stages = RunCli({"stages"});
  EXPECT_EQ(stages.code, kExitOk);
  for (const char* name : {"ingest", "prepare", "ocr", "layout", "classify", "extract", "store"}) {
    EXPECT_NE(stages.out.find(std::string(name) + " "), std::string::npos) << name;
  }
}

TEST(Cli, DatabaseThatCannotBeOpened) {
  Outcome outcome = RunCli({"--db", "/nonexistent-dir/x.db", "scan", "whatever"});
  EXPECT_EQ(outcome.code, kExitDatabase);
  EXPECT_EQ(outcome.err, "database: cannot create /nonexistent-dir/x.db\n");
}


// Only scan and watch make a database: a verb that reads one, given a name that is not there, says so,
// names the likely slip beside it and exits 3 without leaving a file; an empty one says it is empty.
TEST(Cli, AReadingVerbNeverMakesADatabaseAndAnEmptyOneSaysSo) {
  testing::ScratchDir dir;
  std::filesystem::create_directories(dir / "empty-folder");
  ASSERT_EQ(RunCli({"--db", dir / "sample.db", "scan", dir / "empty-folder", "--no-progress"}).code, kExitOk);
  Outcome empty = RunCli({"--db", dir / "sample.db", "findings", "--today", "2025-12-01"});
  EXPECT_EQ(empty.code, kExitOk);
  EXPECT_NE(empty.out.find("holds no papers yet, so nothing has been checked"), std::string::npos) << empty.out;
  EXPECT_EQ(empty.out.find("No findings"), std::string::npos) << empty.out;

  for (const char* verb : {"findings", "accounts", "episodes", "log"}) {
    Outcome slip = RunCli({"--db", dir / "sampel.db", verb});
    EXPECT_EQ(slip.code, kExitDatabase) << verb;
    EXPECT_EQ(slip.err, "shoebox: no database at " + (dir / "sampel.db") + " (did you mean " + (dir / "sample.db") +
                            "?): scan your papers first (shoebox scan FOLDER --db " + (dir / "sampel.db") + ")\n")
        << verb;
    EXPECT_FALSE(std::filesystem::exists(dir / "sampel.db")) << verb;
  }
  EXPECT_EQ(RunCli({"--db", dir / "other.db", "export", "--json"}).code, kExitDatabase);
  EXPECT_FALSE(std::filesystem::exists(dir / "other.db"));
}
// Long because it asserts on one scan of the bundled samples: a scan takes seconds, so every check
// of the end-to-end path is made on the one database it leaves.
TEST(Cli, SamplesEndToEnd) {
  testing::ScratchDir dir;
  std::string db = dir / "samples.db";
  // The samples' own "today" (samples/episodes.json), so their deadlines are still open.
  Outcome scan = RunCli({"--db", db, "scan", testing::SamplesInbox(), "--today", "2025-12-01"});
  ASSERT_EQ(scan.code, kExitOk) << scan.err;
  struct stat info {};
  ASSERT_EQ(::stat(db.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);

  // Idempotent: the same files again are skipped.
  Outcome again = RunCli({"--db", db, "scan", testing::SamplesInbox(), "--today", "2025-12-01"});
  EXPECT_EQ(again.code, kExitOk);
  EXPECT_EQ(again.out, "");
  EXPECT_NE(again.err.find("scanned 0 file(s)"), std::string::npos) << again.err;

  Outcome exported = RunCli({"--db", db, "export", "--json"});
  ASSERT_EQ(exported.code, kExitOk) << exported.err;
  Json json = Json::parse(exported.out);
  EXPECT_EQ(json["format"], "shoebox-export/1");
  // The same as CSV tables, private like the database; the findings table holds every finding.
  ASSERT_EQ(RunCli({"--db", db, "export", "--csv", dir / "csv"}).code, kExitOk);
  std::string findings_csv = testing::ReadFile(dir / "csv/findings.csv");
  EXPECT_EQ(static_cast<size_t>(std::count(findings_csv.begin(), findings_csv.end(), '\n')), json["findings"].size() + 1);
  struct stat csv_info {};
  ASSERT_EQ(::stat((dir / "csv/documents.csv").c_str(), &csv_info), 0);
  EXPECT_EQ(csv_info.st_mode & 0777, 0600u);
  EXPECT_EQ(RunCli({"--db", db, "export", "--json", "--csv", dir / "csv"}).code, kExitUsage);
  // The real export against the contract's JSON Schema; and the validator does catch a break.
  Json schema = Json::parse(testing::ReadFile(testing::SourceDir() + "/schemas/export.schema.json"));
  EXPECT_EQ(testing::Validate(json, schema), "");
  Json broken = json;
  broken["documents"][0]["kind"] = "invoice";
  EXPECT_EQ(testing::Validate(broken, schema), "$.documents[0].kind: \"invoice\" is not one of "
                                                "[\"bill\",\"eob\",\"msn\",\"collection_letter\",\"other\"]");
  EXPECT_FALSE(json["findings"].empty());  // the samples hold planted problems
  EXPECT_FALSE(json["matches"].empty());
  ASSERT_TRUE(json["matches"].is_array());
  ASSERT_TRUE(json["findings"].is_array());
  std::map<std::string, Json> by_file;
  for (const Json& document : json["documents"]) {
    for (const char* key : {"id", "source", "kind", "kind_confidence", "pages", "fields", "line_items", "claims", "checks"}) {
      EXPECT_TRUE(document.contains(key)) << key;
    }
    by_file[std::filesystem::path(document["source"]["path"].get<std::string>()).filename()] = document;
  }
  // Every sample's kind, and the first-cut fields on the born-digital ones, as the truth says.
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::SamplesTruth())) {
    Json truth = Json::parse(testing::ReadFile(entry.path()));
    std::string file = std::filesystem::path(truth["file"].get<std::string>()).filename();
    ASSERT_TRUE(by_file.count(file)) << file;
    const Json& got = by_file[file];
    const Json& expected = truth["documents"][0];
    EXPECT_EQ(got["kind"], expected["kind"]) << file;
    ++files;
    if (truth["render_mode"] != "born_digital") continue;
    std::vector<std::string> first_cut;
    if (expected["kind"] == "bill") first_cut = {"provider_name", "account_number", "statement_date", "amount_due_cents"};
    if (expected["kind"] == "collection_letter") first_cut = {"collector_name", "current_amount_cents"};
    if (expected["kind"] == "eob" || expected["kind"] == "msn") first_cut = {"notice_date"};
    for (const std::string& field : first_cut) {
      ASSERT_TRUE(got["fields"].contains(field)) << file << " " << field;
      EXPECT_EQ(got["fields"][field]["value"], expected["fields"][field]) << file << " " << field;
    }
    if (expected["kind"] == "eob" && expected["claims"].size() == 1) {
      ASSERT_EQ(got["claims"].size(), 1u) << file;
      EXPECT_EQ(got["claims"][0]["claim_number"], expected["claims"][0]["claim_number"]) << file;
      EXPECT_EQ(got["claims"][0]["patient_responsibility_cents"], expected["claims"][0]["patient_responsibility_cents"])
          << file;
    }
  }
  EXPECT_GE(files, 40);

  Outcome query = RunCli({"--db", db, "query", "SELECT kind, count(*) AS n FROM documents GROUP BY kind ORDER BY kind",
                          "--csv"});
  EXPECT_EQ(query.code, kExitOk);
  EXPECT_EQ(query.out.substr(0, 7), "kind,n\n");
  EXPECT_NE(query.out.find("collection_letter,2\n"), std::string::npos) << query.out;
  // Full-text search over page text, and the everyday views.
  Outcome search = RunCli({"--db", db, "query", "SELECT count(*) AS n FROM pages_fts WHERE pages_fts MATCH 'deductible'", "--csv"});
  EXPECT_EQ(search.code, kExitOk) << search.err;
  EXPECT_NE(search.out, "n\n0\n");
  EXPECT_EQ(RunCli({"--db", db, "query", "SELECT count(*) FROM open_findings"}).code, kExitOk);

  // What not to pay yet, most urgent first, with the samples' planted problems among them.
  Outcome findings = RunCli({"--db", db, "findings", "--today", "2025-12-01"});
  EXPECT_EQ(findings.code, kExitOk) << findings.err;
  // Start here first: one line per problem, the collection with 15 days left at the top, the duplicated
  // lipid panel (also the excess over the EOB, and a charge the plan never saw) once.
  EXPECT_EQ(findings.out.rfind("Start here (as of 2025-12-01): ", 0), 0u) << findings.out;
  std::string start_here = findings.out.substr(0, findings.out.find("Every finding, most urgent first:\n\n1. [high] "));
  ASSERT_NE(start_here.size(), findings.out.size()) << findings.out;
  std::string first = start_here.substr(start_here.find(" 1. "), start_here.find('\n', start_here.find(" 1. ")) - start_here.find(" 1. "));
  EXPECT_NE(first.find("$184.66 at stake, by 2025-12-16 (15 days left); do not pay it yet"), std::string::npos) << first;
  size_t lipid = start_here.find("$98.00 at stake");
  ASSERT_NE(lipid, std::string::npos) << start_here;
  EXPECT_EQ(start_here.find("$98.00 at stake", lipid + 1), std::string::npos) << start_here;
  // Said in words: the rules' names are for --json and SQL, never what a person reads.
  for (shoebox::FindingRule rule : {shoebox::FindingRule::kPrematureBill, shoebox::FindingRule::kBalanceExceedsEob, shoebox::FindingRule::kDuplicateCharge,
                           shoebox::FindingRule::kClaimDenied, shoebox::FindingRule::kCollectionValidationWindow}) {
    EXPECT_NE(findings.out.find(shoebox::Title(rule)), std::string::npos) << shoebox::Title(rule);
    EXPECT_EQ(findings.out.find(shoebox::ToString(rule)), std::string::npos) << shoebox::ToString(rule);
  }
  Outcome as_json = RunCli({"--db", db, "findings", "--today", "2025-12-01", "--json"});
  EXPECT_EQ(Json::parse(as_json.out).size(), json["findings"].size());
  EXPECT_EQ(RunCli({"--db", db, "findings", "--today", "12/01/2025"}).err,
            "shoebox findings: --today takes a date as YYYY-MM-DD\n");
  EXPECT_EQ(RunCli({"--db", db, "findings", "--today", "2025-13-01"}).err,
            "shoebox findings: --today 2025-13-01 is not a day of the calendar\n");

  // Accounts and episodes count each paper once: the degraded copies of a statement are twins.
  int born_digital_bills = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::SamplesTruth())) {
    Json truth = Json::parse(testing::ReadFile(entry.path()));
    if (truth["render_mode"] == "born_digital" && truth["documents"][0]["kind"] == "bill") ++born_digital_bills;
  }
  Outcome accounts = RunCli({"--db", db, "accounts", "--json"});
  ASSERT_EQ(accounts.code, kExitOk) << accounts.err;
  int statements = 0;
  for (const Json& account : Json::parse(accounts.out)) statements += static_cast<int>(account["statements"].size());
  EXPECT_EQ(statements, born_digital_bills);
  EXPECT_EQ(json["accounts"].size(), Json::parse(accounts.out).size());
  Outcome episodes = RunCli({"--db", db, "episodes"});
  ASSERT_EQ(episodes.code, kExitOk) << episodes.err;
  EXPECT_NE(episodes.out.find("  missing: no EOB yet for the "), std::string::npos) << episodes.out;
  EXPECT_EQ(Json::parse(RunCli({"--db", db, "episodes", "--json"}).out), json["episodes"]);

  // The person's record: an agreement settles an account's findings.
  Json premature;
  for (const Json& finding : json["findings"]) {
    if (finding["rule"] == "premature_bill") premature = finding;
  }
  ASSERT_FALSE(premature.is_null());
  std::string account;
  for (const Json& document : json["documents"]) {
    if (document["id"] == premature["documents"][0]) account = document["fields"]["account_number"]["value"];
  }
  ASSERT_FALSE(account.empty());
  // The report says the findings for its own day, whatever day they were last said for: the denied
  // claim's appeal deadline (2026-02-02) has passed on 2026-03-01, and not on 2025-12-01.
  ASSERT_EQ(RunCli({"--db", db, "findings", "--today", "2026-03-01"}).code, kExitOk);
  Outcome report = RunCli({"--db", db, "report", "--today", "2025-12-01", "--out", dir / "report"});
  ASSERT_EQ(report.code, kExitOk) << report.err;
  std::string pages;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "report")) pages += testing::ReadFile(entry.path());
  EXPECT_EQ(pages.find("passed 27 days ago"), std::string::npos);
  EXPECT_NE(pages.find("2026-02-02 (63 days left)"), std::string::npos);
  Outcome logged = RunCli({"--db", db, "log", "agreement", "--account", account, "--date", "2025-11-20", "--amount",
                           "$1,000", "--rep", "Dana at billing", "--reference", "REF-5", "--today", "2025-12-01"});
  ASSERT_EQ(logged.code, kExitOk) << logged.err;
  Json after = Json::parse(RunCli({"--db", db, "export", "--json"}).out);
  EXPECT_EQ(after["findings"].size(), json["findings"].size() - 1);
  EXPECT_EQ(RunCli({"--db", db, "log"}).out,
            "#1  2025-11-20  agreement  account " + account + "  $1,000.00  with Dana at billing  ref REF-5\n"
            "account " + account + ": agreed $1,000.00 on 2025-11-20, nothing paid since\n");
  // A payment under it says what is left; an entry taken back counts for nothing, and is said once.
  ASSERT_EQ(RunCli({"--db", db, "log", "payment", "--account", account, "--amount", "400", "--date", "2025-11-25",
                    "--today", "2025-12-01"}).code, kExitOk);
  EXPECT_NE(RunCli({"--db", db, "log"}).out.find("account " + account + ": agreed $1,000.00 on 2025-11-20, paid $400.00 "
                                                 "since, $600.00 left\n"), std::string::npos);
  Outcome undone = RunCli({"--db", db, "log", "undo", "1", "--today", "2025-12-01"});
  EXPECT_EQ(undone.code, kExitOk) << undone.err;
  EXPECT_EQ(Json::parse(RunCli({"--db", db, "export", "--json"}).out)["findings"].size(), json["findings"].size());
  EXPECT_EQ(RunCli({"--db", db, "log"}).out,
            "#2  2025-11-25  payment  account " + account + "  $400.00\n");
  EXPECT_EQ(RunCli({"--db", db, "log", "undo", "1"}).err,
            "shoebox log undo: no entry #1 stands in the record (shoebox log lists them)\n");
  EXPECT_EQ(RunCli({"--db", db, "log", "undo", "first"}).code, kExitUsage);
  // An account no paper names is refused, with the one likely meant.
  std::string slip = account.substr(0, account.size() - 1) + (account.back() == '9' ? "8" : "9");
  Outcome unknown = RunCli({"--db", db, "log", "call", "--account", slip});
  EXPECT_EQ(unknown.code, kExitUsage);
  EXPECT_EQ(unknown.err, "shoebox log: no paper names account " + slip + "; did you mean " + account +
                             "? (shoebox accounts lists them)\n");
  EXPECT_EQ(RunCli({"--db", db, "log", "payment", "--account", account}).err, "shoebox log: a payment needs --amount\n");
  EXPECT_EQ(RunCli({"--db", db, "log", "agreement", "--account", account}).err, "shoebox log: an agreement needs --amount\n");
  EXPECT_EQ(RunCli({"--db", db, "log", "call", "--account", account, "--date", "11/20/2025"}).err,
            "shoebox log: --date takes a date as YYYY-MM-DD\n");
  EXPECT_EQ(RunCli({"--db", db, "log", "call", "--account", account, "--date", "2025-12-40"}).err,
            "shoebox log: --date 2025-12-40 is not a day of the calendar\n");

  Outcome write = RunCli({"--db", db, "query", "DELETE FROM documents"});
  EXPECT_EQ(write.code, kExitUsage);
  EXPECT_EQ(write.err, "database: query: only read-only statements are allowed\n");
}

TEST(Cli, BadInputExitsTwoAndRecordsEachFile) {
  testing::ScratchDir dir;
  std::string inbox = dir / "inbox";
  ::mkdir(inbox.c_str(), 0700);
  testing::WriteFile(inbox + "/empty.pdf", "");
  testing::WriteFile(inbox + "/notes.pdf", "a text file with a pdf name\n");
  Outcome scan = RunCli({"--db", dir / "s.db", "scan", inbox, "--no-progress"});
  EXPECT_EQ(scan.code, kExitInputFailed);
  EXPECT_NE(scan.err.find(inbox + "/empty.pdf: empty file (0 bytes)\n"), std::string::npos);
  EXPECT_NE(scan.err.find(inbox + "/notes.pdf: not a pdf, png, jpeg, tiff or heic file\n"), std::string::npos);
  Outcome rows = RunCli({"--db", dir / "s.db", "query", "SELECT status FROM sources ORDER BY path", "--json"});
  EXPECT_EQ(Json::parse(rows.out), Json::parse(R"([{"status":"failed"},{"status":"failed"}])"));
}

// What each finding says, without the document ids (the two shoeboxes hold other files).
std::multiset<std::string> FindingsOf(const std::string& db, const std::string& today) {
  Outcome findings = RunCli({"--db", db, "findings", "--json", "--today", today});
  std::multiset<std::string> said;
  for (const Json& finding : Json::parse(findings.out)) {
    said.insert(finding["rule"].get<std::string>() + " " + finding["severity"].get<std::string>() + " " +
                finding["amount_cents"].dump() + " " + finding["deadline"].dump());
  }
  return said;
}

// An EOB from the insurer's portal (FHIR) beside a photographed bill says what the same episode says
// all on paper: the generator writes each EOB and MSN both as a photo and as FHIR JSON.
TEST(Cli, AnEobFromThePortalGivesThePaperEobsFindings) {
#ifndef SAMPLEGEN_BINARY
  GTEST_SKIP() << "samplegen was not built (it needs Cairo)";
#else
  namespace fs = std::filesystem;
  testing::ScratchDir dir;
  std::string command = std::string(SAMPLEGEN_BINARY) + " --out " + (dir / "set") +
                        " --seed 5 --episodes 12 --others 0 --blank-pages 0 --modes photo,fhir >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::string today = Json::parse(testing::ReadFile(dir / "set/episodes.json"))["today"];
  fs::create_directories(dir / "paper"), fs::create_directories(dir / "mixed");
  int from_portal = 0;
  for (const auto& entry : fs::directory_iterator(dir / "set/inbox")) {
    std::string name = entry.path().filename().string();
    bool notice = name.find("-eob-") != std::string::npos || name.find("-msn-") != std::string::npos;
    bool photo = entry.path().extension() == ".jpg";
    if (photo) fs::copy_file(entry.path(), dir / ("paper/" + name));
    if (photo != notice) fs::copy_file(entry.path(), dir / ("mixed/" + name));
    from_portal += !photo;
  }
  ASSERT_GE(from_portal, 8);
  for (const char* set : {"paper", "mixed"}) {
    Outcome scan = RunCli({"--db", dir / (std::string(set) + ".db"), "scan", dir / set, "--today", today, "--no-progress"});
    ASSERT_EQ(scan.code, kExitOk) << set << ": " << scan.err;
  }
  Outcome read = RunCli({"--db", dir / "mixed.db", "query",
                         "SELECT count(*) AS n FROM documents d JOIN sources s ON s.id = d.source_id "
                         "WHERE s.path LIKE '%.json' AND d.kind IN ('eob', 'msn')", "--csv"});
  EXPECT_EQ(read.out, "n\n" + std::to_string(from_portal) + "\n");
  std::multiset<std::string> paper = FindingsOf(dir / "paper.db", today), mixed = FindingsOf(dir / "mixed.db", today);
  EXPECT_EQ(mixed, paper);
  // Among them the findings that rest on the EOB's figures and status.
  auto has = [&](const std::string& rule) {
    return std::any_of(paper.begin(), paper.end(), [&](const std::string& said) { return said.rfind(rule + " ", 0) == 0; });
  };
  EXPECT_TRUE(has("balance_exceeds_eob"));
  EXPECT_TRUE(has("claim_denied"));
  EXPECT_TRUE(has("premature_bill"));
#endif
}

}  // namespace
}  // namespace shoebox::cli
