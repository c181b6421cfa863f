// report on the born-digital samples: every finding on its account's page with the evidence cropped
// from the original, letters and call sheet filled in with the account's own names and numbers,
// the person's log on the timeline and in the findings; then the pages in headless Chromium: the
// figures are there, no request leaves the machine, and the screenshot is not blank.
#include "pipeline/present/report.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/analysis/corrections.hpp"
#include "pipeline/reading/ingest.hpp"
#include "pipeline/reading/prepare.hpp"
#include "pipeline/app/runner.hpp"
#include "pipeline/core/dates.hpp"
#include "tests/test_support.hpp"

namespace shoebox::report {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr const char* kToday = "2025-12-01";  // the samples' own day (samples/episodes.json)

// The born-digital samples (text layers: no OCR, a fast set-up) scanned into a fresh database.
class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(testing::SamplesInbox())) {
      if (entry.path().string().find("born_digital") != std::string::npos) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    auto opened = store::Database::Open(dir_ / "r.db", store::Mode::kReadWrite);
    ASSERT_TRUE(opened);
    db_ = std::move(opened).value();
    std::ostringstream out, err;
    runner::Options options;
    options.scanned_at = "2025-12-01T00:00:00Z";
    ASSERT_TRUE(runner::Scan(files, *db_, options, out, err));
    ASSERT_TRUE(runner::RefreshFindings(*db_, kToday));
  }

  // As `shoebox report` does: the findings are refreshed for the day, then the report reads them.
  Written Write() {
    EXPECT_TRUE(runner::RefreshFindings(*db_, kToday));
    auto written = WriteReport(*db_, {dir_ / "report", "", kToday});
    EXPECT_TRUE(written) << (written ? "" : written.error().message);
    return written ? *written : Written{};
  }

  // The page of the account with this number.
  std::string PageOf(const Written& written, const std::string& account) {
    for (const std::string& file : written.files) {
      std::string html = testing::ReadFile(file);
      if (file.find("account-") != std::string::npos && html.find("Account " + account + " ") != std::string::npos)
        return html;
    }
    return "";
  }

  testing::ScratchDir dir_;
  std::unique_ptr<store::Database> db_;
};

std::string Escaped(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '"')
      out += "&quot;";
    else if (c == '\'')
      out += "&#39;";
    else if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

TEST_F(ReportTest, EveryFindingOnItsAccountPageWithEvidenceCroppedFromTheOriginal) {
  Written written = Write();
  auto stored = db_->Select("SELECT summary FROM findings");
  ASSERT_TRUE(stored);
  ASSERT_FALSE(stored->rows.empty());
  EXPECT_EQ(written.accounts, static_cast<int>(written.files.size()) - 1);
  std::string all;
  for (const std::string& file : written.files) {
    all += testing::ReadFile(file);
    struct stat info {};
    ASSERT_EQ(::stat(file.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u) << file;
  }
  for (const auto& row : stored->rows) {
    EXPECT_NE(all.find(Escaped(std::get<std::string>(row[0]))), std::string::npos) << std::get<std::string>(row[0]);
  }
  // Every finding of these samples is about a figure printed on a page: each has its crop.
  EXPECT_EQ(written.evidence_crops, static_cast<int>(stored->rows.size()));
  // Nothing refers outside the file: no web address, every image inline.
  EXPECT_EQ(all.find("http://"), std::string::npos);
  EXPECT_EQ(all.find("https://"), std::string::npos);
  for (size_t at = all.find("src=\""); at != std::string::npos; at = all.find("src=\"", at + 1)) {
    EXPECT_EQ(all.compare(at + 5, 22, "data:image/png;base64,"), 0) << all.substr(at, 40);
  }
  // A crop is a real picture: the image data runs to kilobytes.
  size_t data = all.find("data:image/png;base64,");
  ASSERT_NE(data, std::string::npos);
  EXPECT_GT(all.find('"', data) - data, 2000u);
  // A crop of a field says how sure its reading was and which rule read it.
  EXPECT_NE(all.find(" sure, by label_"), std::string::npos);
}

TEST_F(ReportTest, CallSheetAndLettersCarryTheAccountsOwnNamesNumbersAndDeadlines) {
  Written written = Write();
  // The lab account of the samples: a duplicated lipid panel. The call verifies and asks for the
  // correction; it names no settlement figure while the error stands.
  std::string lab = PageOf(written, "815178348");
  ASSERT_FALSE(lab.empty());
  EXPECT_NE(lab.find("Hello, I am calling to resolve account 815178348 for Casey Delacroix. The statement asks $"),
            std::string::npos);
  EXPECT_NE(lab.find("Could you explain each charge on this account for me?"), std::string::npos);
  EXPECT_NE(lab.find("The same charge appears twice"), std::string::npos);
  EXPECT_NE(lab.find("Hold, do not settle yet:</b> \"Until the errors on the account are corrected"),
            std::string::npos);
  EXPECT_EQ(lab.find("in full settlement"), std::string::npos);
  EXPECT_NE(lab.find("Can you send me this agreement in writing before I pay?"), std::string::npos);
  EXPECT_NE(lab.find("Letter: request for an itemized bill"), std::string::npos);
  EXPECT_NE(lab.find("Letter: please confirm our agreement in writing"), std::string::npos);
  EXPECT_NE(lab.find("<p>December 1, 2025</p>"), std::string::npos);  // a letter's date in words
  // The statement's own telephone number, as its page prints it.
  auto phone = db_->Select(
      "SELECT p.text FROM pages p JOIN sources s ON s.id = p.source_id JOIN documents d ON d.source_id = s.id "
      "JOIN fields f ON f.document_id = d.id AND f.name = 'account_number' AND f.value_text = '815178348' "
      "WHERE p.text LIKE '%Billing questions: (%' LIMIT 1");
  ASSERT_TRUE(phone && !phone->rows.empty());
  std::string text = std::get<std::string>(phone->rows[0][0]);
  size_t at = text.find("Billing questions: (") + 19;
  EXPECT_NE(lab.find("billing office at <b>" + text.substr(at, 14) + "</b>"), std::string::npos) << text.substr(at, 14);
  // An account with nothing to put right: ask for the reduction, then offer, lowest first.
  bool offered = false;
  for (const std::string& file : written.files) {
    std::string page = testing::ReadFile(file);
    if (page.find("3. Ask what they can do:") == std::string::npos) continue;
    offered = true;
    EXPECT_NE(page.find("What is the most you can reduce this by today?"), std::string::npos);
    EXPECT_NE(page.find("today in full settlement.\" Go no higher than <b>$"), std::string::npos);
    EXPECT_NE(page.find("never on a medical credit card or a loan"), std::string::npos);
    EXPECT_EQ(page.find("Hold, do not settle yet"), std::string::npos);
  }
  EXPECT_TRUE(offered);
  // The denied claim: a sheet for calling the plan and an appeal letter, with its deadline.
  std::string denied;
  for (const std::string& file : written.files) {
    std::string page = testing::ReadFile(file);
    if (page.find("Letter: appeal of a denied claim") != std::string::npos) denied = page;
  }
  ASSERT_FALSE(denied.empty());
  EXPECT_NE(denied.find("<h2>Call sheet: the plan, about claim "), std::string::npos);
  EXPECT_NE(denied.find("How do I appeal, where do I send it, and by when?"), std::string::npos);
  EXPECT_NE(denied.find("This appeal is sent before the deadline of "), std::string::npos);
  EXPECT_NE(denied.find("Until the plan has decided the appeal"), std::string::npos);
  // Holding the account still asks for the assistance its window allows.
  EXPECT_NE(denied.find("Do you have a financial-assistance program? Please send me the application."),
            std::string::npos);
  // Its evidence boxes what the denial leaves to pay, not the notice's date.
  EXPECT_NE(denied.find("(the figure is boxed; read "), std::string::npos);
  EXPECT_EQ(denied.find(": date of this notice)"), std::string::npos);
  // The collection account: dispute within the validation period, to the collector at the address
  // its letter prints, by its date.
  auto letter = db_->Select(
      "SELECT (SELECT value_text FROM fields WHERE document_id = d.id AND name = 'account_number'), "
      "(SELECT value_text FROM fields WHERE document_id = d.id AND name = 'validation_end_date'), "
      "(SELECT value_text FROM fields WHERE document_id = d.id AND name = 'collector_name') "
      "FROM documents d WHERE kind = 'collection_letter' AND EXISTS (SELECT 1 FROM fields WHERE document_id = d.id "
      "AND name = 'validation_end_date') ORDER BY id LIMIT 1");
  ASSERT_TRUE(letter && !letter->rows.empty());
  std::string account = std::get<std::string>(letter->rows[0][0]), end = std::get<std::string>(letter->rows[0][1]);
  std::string collector = std::get<std::string>(letter->rows[0][2]);
  std::string page = PageOf(written, account);
  ASSERT_FALSE(page.empty()) << account;
  EXPECT_NE(page.find("Letter: written dispute and request for validation"), std::string::npos);
  EXPECT_NE(page.find("within the validation period that ends " + DateInWords(end)), std::string::npos);
  EXPECT_NE(page.find("<p>" + Escaped(collector) + "<br>PO Box 4410<br>Springdale, AR 72764</p>"), std::string::npos);
  EXPECT_NE(page.find("Deadline: <b>" + end + " ("), std::string::npos);
}

// Letters go from the address the statement is mailed to, to the address it comes from: the street
// on one line, the town on the next; no "[your address]" where the paper prints one.
TEST_F(ReportTest, LettersGoFromTheAddressTheStatementIsMailedToToTheOneItComesFrom) {
  std::string lab = PageOf(Write(), "815178348");
  ASSERT_FALSE(lab.empty());
  auto addresses = db_->Select(
      "SELECT f.name, f.value_text FROM fields f JOIN fields a ON a.document_id = f.document_id AND "
      "a.name = 'account_number' AND a.value_text = '815178348' WHERE f.name IN ('mailing_address', "
      "'sender_address') ORDER BY f.name");
  ASSERT_TRUE(addresses && addresses->rows.size() == 2u);
  for (const auto& row : addresses->rows) {
    std::string address = std::get<std::string>(row[1]);
    size_t town = address.rfind(", ", address.rfind(", ") - 1);
    EXPECT_NE(lab.find(address.substr(0, town) + "<br>" + address.substr(town + 2)), std::string::npos) << address;
  }
  EXPECT_EQ(lab.find("[your address]"), std::string::npos);
}

// The index: one line per problem, ranked by what waiting loses; the duplicated lipid panel (also
// the excess over the EOB and a charge the plan never saw) once; each account's row with what its
// collector asks and its nearest deadline.
TEST_F(ReportTest, TheIndexStartsWithOneLinePerProblemAndShowsWhatEachAccountIsAsked) {
  Written written = Write();
  std::string index = testing::ReadFile(written.files.front());
  size_t start = index.find("<h2>Start here</h2>"), accounts = index.find("<h2>Accounts</h2>");
  ASSERT_NE(start, std::string::npos);
  std::string start_here = index.substr(start, accounts - start);
  EXPECT_NE(start_here.find("of what you are asked until they are sorted out"), std::string::npos);
  size_t lipid = start_here.find("$98.00 at stake");
  ASSERT_NE(lipid, std::string::npos);
  EXPECT_EQ(start_here.find("$98.00 at stake", lipid + 1), std::string::npos);
  EXPECT_LT(start_here.find("$184.66 at stake"), start_here.find("$17,035.75 at stake"));
  EXPECT_NE(index.find("$0.00 (the collector asks $184.66)</td><td>2025-12-16 (15 days left)</td>"), std::string::npos);
}

TEST_F(ReportTest, LoggedCallsAndAgreementsChangeTheTimelineAndTheFindings) {
  std::string before = PageOf(Write(), "815178348");
  EXPECT_NE(before.find("3 finding(s)"), std::string::npos);
  ASSERT_TRUE(
      db_->AddNote({NoteKind::kCall, "815178348", "2025-11-25", std::nullopt, "Dana", "R-1", "asked for an itemized bill"}));
  ASSERT_TRUE(db_->AddNote({NoteKind::kAgreement, "815178348", "2025-11-28", 10000, "Dana", "R-2", ""}));
  std::string after = PageOf(Write(), "815178348");
  EXPECT_NE(after.find("You logged a call with Dana, reference R-1: asked for an itemized bill"), std::string::npos);
  EXPECT_NE(after.find("You logged an agreement in writing of $100.00 with Dana, reference R-2"), std::string::npos);
  EXPECT_NE(after.find("0 finding(s)"), std::string::npos);  // a settled account stops nagging
  EXPECT_NE(after.find("Under your written agreement: agreed $100.00 on 2025-11-28, nothing paid since."),
            std::string::npos);
  ASSERT_TRUE(db_->AddNote({NoteKind::kPayment, "815178348", "2025-11-30", 8000, "", "", ""}));
  std::string paid = PageOf(Write(), "815178348");
  EXPECT_NE(paid.find("Under your written agreement: agreed $100.00 on 2025-11-28, paid $80.00 since, $20.00 left."),
            std::string::npos);
  EXPECT_EQ(paid.find("Nothing to act on"), std::string::npos) << "the agreement is not yet paid";
}

TEST(EvidencePng, CropsTextLayerAndScannedPagesAndSaysNothingForAMissingFile) {
  for (const char* name : {"E001-bill-born_digital.pdf", "E001-bill-fax.png"}) {
    PageReplay replay{testing::SamplesInbox() + "/" + name, 1, std::string(name).find(".pdf") != std::string::npos, 200,
                      0};
    std::optional<std::string> png = EvidencePng(replay, {900, 300, 1300, 340});
    ASSERT_TRUE(png) << name;
    auto source = ingest::Open(*png, {});
    ASSERT_TRUE(source) << name;
    auto crop = (*source)->LoadPage(0);
    ASSERT_TRUE(crop) << name;
    EXPECT_LE(crop->image.width, 1000) << name;
    EXPECT_GT(crop->image.height, 40) << name;
  }
  EXPECT_FALSE(EvidencePng({"/nonexistent/bill.pdf", 1, true, 200, 0}, {10, 10, 50, 20}));
  EXPECT_FALSE(EvidencePng({testing::SamplesInbox() + "/E001-bill-fax.png", 3, false, 200, 0}, {10, 10, 50, 20}));
}

// Runs chromium headless on a page; returns its exit status.
int Chromium(const std::vector<std::string>& extra, const std::string& url) {
  std::vector<std::string> args = {"/usr/bin/chromium", "--headless=new",    "--no-sandbox",
                                   "--disable-gpu",     "--hide-scrollbars", "--disable-background-networking",
                                   "--no-first-run"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(url);
  pid_t pid = ::fork();
  if (pid == 0) {
    int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The page as headless Chromium laid it out, written to `file` on the way.
std::string DumpDom(const std::string& page, const std::string& file) {
  pid_t pid = ::fork();
  if (pid == 0) {
    int out = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(out, STDOUT_FILENO);
    int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, STDERR_FILENO);
    ::execl("/usr/bin/chromium", "chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--dump-dom",
            ("file://" + page).c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return testing::ReadFile(file);
}

// Requests the page itself made that would leave the machine (Chromium's own background traffic
// has no file:// page behind it and is not counted).
std::vector<std::string> PageRequestsOffMachine(const std::string& net_log) {
  Json log = Json::parse(testing::ReadFile(net_log), nullptr, false);
  std::vector<std::string> off;
  if (log.is_discarded()) return {"net log unreadable"};
  for (const Json& event : log["events"]) {
    if (!event.contains("params") || !event["params"].is_object()) continue;
    const Json& params = event["params"];
    if (!params.contains("url") || !params.contains("network_isolation_key")) continue;
    std::string url = params["url"], key = params["network_isolation_key"].dump();
    if (key.find("file://") == std::string::npos) continue;
    if (url.rfind("file:", 0) == 0 || url.rfind("data:", 0) == 0) continue;
    off.push_back(url);
  }
  return off;
}

TEST_F(ReportTest, InHeadlessChromiumTheFiguresShowNothingLeavesTheMachineAndThePageIsNotBlank) {
  if (!fs::exists("/usr/bin/chromium")) GTEST_SKIP() << "chromium is not installed (./build.sh installs it)";
  Written written = Write();
  std::string page = (dir_ / "report") + "/" + fs::path(written.files[1]).filename().string();
  for (const std::string& file : written.files) {
    if (testing::ReadFile(file).find("815178348") != std::string::npos && file.find("account-") != std::string::npos)
      page = file;
  }
  // The detector works: a page with an outside image is caught.
  std::string canary = dir_ / "canary.html";
  testing::WriteFile(canary, "<!doctype html><img src=\"http://canary.invalid/x.png\"><p>canary</p>");
  ASSERT_EQ(Chromium({"--log-net-log=" + (dir_ / "canary.json"), "--dump-dom"}, "file://" + canary), 0);
  EXPECT_EQ(PageRequestsOffMachine(dir_ / "canary.json"), std::vector<std::string>{"http://canary.invalid/x.png"});

  std::string net_log = dir_ / "net.json", shot = dir_ / "shot.png";
  ASSERT_EQ(Chromium({"--log-net-log=" + net_log, "--screenshot=" + shot, "--window-size=1100,1600"}, "file://" + page),
            0);
  EXPECT_TRUE(PageRequestsOffMachine(net_log).empty());
  // The page as the browser laid it out holds the figures.
  std::string dom = DumpDom(page, dir_ / "dom.html");
  for (const char* figure : {"$267.33", "$169.33", "$98.00", "Call sheet", "Casey Delacroix"}) {
    EXPECT_NE(dom.find(figure), std::string::npos) << figure;
  }
  // The index opens with what to do first: the collection with 15 days left, linked to its page.
  std::string index = DumpDom(written.files.front(), dir_ / "index-dom.html");
  size_t start = index.find("<h2>Start here</h2>"), accounts = index.find("<h2>Accounts</h2>");
  ASSERT_NE(start, std::string::npos);
  ASSERT_LT(start, accounts);
  size_t first = index.find("<li>", start);
  EXPECT_NE(index.substr(first, index.find("</li>", first) - first).find("$184.66 at stake, by 2025-12-16 (15 days left)"),
            std::string::npos);
  EXPECT_EQ(index.compare(index.find("<a ", first), 17, "<a href=\"account-"), 0);
  // The screenshot: a rendered page, not an empty one.
  auto source = ingest::Open(testing::ReadFile(shot), {});
  ASSERT_TRUE(source);
  auto image = (*source)->LoadPage(0);
  ASSERT_TRUE(image);
  EXPECT_EQ(image->image.width, 1100);
  EXPECT_FALSE(prepare::LooksBlank(image->image, 0.01));
}

// The practice call runs in the account page, under its Content-Security-Policy and offline, from
// the same script rows as shoebox rehearse: the lab account asks twice for one lipid panel, so a
// figure offered before that is corrected is coached as too soon.
TEST_F(ReportTest, ThePracticeCallRunsInThePageAndCoachesEachTurn) {
  if (!fs::exists("/usr/bin/chromium")) GTEST_SKIP() << "chromium is not installed (./build.sh installs it)";
  std::string page;
  for (const std::string& file : Write().files) {
    if (file.find("account-") != std::string::npos && testing::ReadFile(file).find("815178348") != std::string::npos) page = file;
  }
  ASSERT_FALSE(page.empty());
  std::string dom = DumpDom(page + "#practice=normal:I want to dispute this bill|Can you reduce it?|I can pay $50|bye",
                            dir_ / "practice-dom.html");
  size_t log = dom.find("<div id=\"practice-log\">");
  ASSERT_NE(log, std::string::npos);
  std::string said = dom.substr(log, dom.find("</div>", log) - log);
  EXPECT_NE(said.find("Rep: Thank you for calling"), std::string::npos) << said;
  EXPECT_NE(said.find("Coach: Open with \"I am calling to resolve this account\", not \"dispute\""), std::string::npos);
  EXPECT_NE(said.find("Coach: Ask an open question"), std::string::npos);
  EXPECT_NE(said.find("Coach: Not yet: something on this account is unresolved."), std::string::npos);
  EXPECT_NE(said.find("How it went"), std::string::npos);
  EXPECT_NE(said.find("- Ask \"Can you send me this agreement in writing before I pay?\""), std::string::npos);
}

// Printed, an account's page fills its sheets: no sheet carries only the tail of a table or a
// heading (each holds 40 words or more), and every letter starts a sheet of its own.
TEST_F(ReportTest, PrintedNoSheetIsNearlyEmptyAndEachLetterStartsOne) {
  if (!fs::exists("/usr/bin/chromium")) GTEST_SKIP() << "chromium is not installed (./build.sh installs it)";
  Written written = Write();
  int accounts = 0;
  for (const std::string& file : written.files) {
    if (file.find("account-") == std::string::npos) continue;
    ++accounts;
    std::string pdf = dir_ / "printed.pdf";
    ASSERT_EQ(Chromium({"--no-pdf-header-footer", "--print-to-pdf=" + pdf}, "file://" + file), 0);
    auto source = ingest::Open(testing::ReadFile(pdf), {});
    ASSERT_TRUE(source) << file;
    std::string html = testing::ReadFile(file);
    size_t letters = 0, sheets_opening_a_letter = 0;
    for (size_t at = html.find("<section class=\"letter\">"); at != std::string::npos;
         at = html.find("<section class=\"letter\">", at + 1)) {
      ++letters;
    }
    for (int i = 0; i < (*source)->PageCount(); ++i) {
      auto sheet = (*source)->LoadPage(i);
      ASSERT_TRUE(sheet) << file;
      EXPECT_GE(sheet->words.size(), 40u) << file << " sheet " << i + 1;
      if (sheet->words.size() > 1 && sheet->words[0].text == "Letter:") ++sheets_opening_a_letter;
    }
    EXPECT_EQ(sheets_opening_a_letter, letters) << file;
  }
  EXPECT_GT(accounts, 5);
}

// What the person gave, as the browser shows it: the index groups the accounts by whose they are,
// each person with their plan year so far; the hospital account carries the household's pre-screen;
// a figure the person confirmed says so under its evidence instead of asking; and a report for one
// person keeps to the papers that name them.
TEST_F(ReportTest, InHeadlessChromiumTheIndexGroupsByPersonAndAnAccountShowsWhatThePersonGave) {
  if (!fs::exists("/usr/bin/chromium")) GTEST_SKIP() << "chromium is not installed (./build.sh installs it)";
  ASSERT_TRUE(db_->SaveHousehold({4, 4'500'000, "", kToday}));
  // Confirm the figure under the hospital account's first finding, with the command its caption gives.
  std::string hospital = PageOf(Write(), "513874840");
  size_t confirm = hospital.find("<code>shoebox confirm ");
  ASSERT_NE(confirm, std::string::npos);
  std::istringstream command(hospital.substr(confirm + 22, hospital.find("</code>", confirm) - confirm - 22));
  std::string prefix, field;
  command >> prefix >> field;
  auto documents = findings::LoadCorrected(*db_);
  ASSERT_TRUE(documents);
  auto document = std::find_if(documents->begin(), documents->end(),
                               [&](const StoredDocument& d) { return d.id.rfind(prefix, 0) == 0; });
  ASSERT_NE(document, documents->end()) << prefix;
  auto confirmation = findings::MakeCorrection(*document, field, std::nullopt, kToday);
  ASSERT_TRUE(confirmation) << confirmation.error().message;
  ASSERT_TRUE(db_->AddCorrection(*confirmation));

  Written written = Write();
  std::string page;
  for (const std::string& file : written.files) {
    if (file.find("account-") != std::string::npos && testing::ReadFile(file).find("Account 513874840 ") != std::string::npos)
      page = file;
  }
  std::string dom = DumpDom(page, dir_ / "hospital-dom.html");
  EXPECT_NE(dom.find("<b>Financial assistance:</b> Your household of 4 with $45,000.00 a year is at 139% of the 2025 "
                     "federal poverty guideline"),
            std::string::npos);
  EXPECT_NE(dom.find("You confirmed on " + std::string(kToday) + "."), std::string::npos);
  EXPECT_EQ(dom.find("shoebox confirm " + prefix + " " + field + "<"), std::string::npos);

  std::string index = DumpDom(written.files.front(), dir_ / "index-dom.html");
  size_t harper = index.find("<h3 class=\"person\">Harper Halvorsen</h3>");
  ASSERT_NE(harper, std::string::npos);
  std::string hers = index.substr(harper, index.find("<h3", harper + 1) - harper);
  EXPECT_NE(hers.find("Plan year 2025 so far, from the plan's notices: deductible $0.00, your share $17,035.75 (1 claim)."),
            std::string::npos)
      << hers;
  EXPECT_NE(hers.find(">513874840<"), std::string::npos);
  EXPECT_NE(index.find("<h3 class=\"person\">Reese Halvorsen</h3>"), std::string::npos);

  // Harper's own report: her account, her findings, no one else's.
  auto hers_alone = WriteReport(*db_, {dir_ / "harper", "", kToday, "harper halvorsen"});
  ASSERT_TRUE(hers_alone) << hers_alone.error().message;
  EXPECT_EQ(hers_alone->accounts, 1);
  std::string her_index = DumpDom(hers_alone->files.front(), dir_ / "harper-dom.html");
  EXPECT_NE(her_index.find("<h1>Medical paperwork of Harper Halvorsen</h1>"), std::string::npos);
  EXPECT_EQ(her_index.find("Reese Halvorsen"), std::string::npos);
  EXPECT_NE(her_index.find("1 account(s), 2 finding(s)"), std::string::npos);
  EXPECT_FALSE(WriteReport(*db_, {dir_ / "nobody", "", kToday, "Nobody Here"}));
}

}  // namespace
}  // namespace shoebox::report
