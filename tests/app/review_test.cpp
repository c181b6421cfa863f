// The person's loop through the CLI, in-process: review lists the figures the findings rest on,
// a correction changes the finding, is kept beside the reading and survives a re-scan and a copy
// of the paper; a confirmation takes a figure off the list; stepping through asks each in turn;
// the financial-assistance pre-screen reaches the report and the letter.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/app/run_cli.hpp"
#include "pipeline/analysis/corrections.hpp"
#include "tests/test_support.hpp"

namespace shoebox::cli {
namespace {

using Json = nlohmann::json;

using testing::Outcome;

Outcome RunCli(const std::vector<std::string>& args, const std::string& typed = "") {
  return testing::RunCli(args, nullptr, typed);
}

// The samples' hospital account whose statement asks $136.82 where the plan's EOB says $43.79.
class ReviewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Outcome scan = RunCli({"--db", db_, "scan", Bill(), Eob(), "--today", "2025-12-01"});
    ASSERT_EQ(scan.code, kExitOk) << scan.err;
    Json json = Export();
    for (const Json& document : json["documents"]) {
      if (document["kind"] == "bill") bill_ = document["id"].get<std::string>().substr(0, 8);
    }
    ASSERT_FALSE(bill_.empty());
  }

  static std::string Bill() { return testing::SamplesInbox() + "/E004-bill-born_digital.pdf"; }
  static std::string Eob() { return testing::SamplesInbox() + "/E004-eob-born_digital.pdf"; }
  Json Export() { return Json::parse(RunCli({"--db", db_, "export", "--json"}).out); }
  bool Raised(const std::string& rule) {
    Json json = Export();
    return std::any_of(json["findings"].begin(), json["findings"].end(), [&](const Json& f) { return f["rule"] == rule; });
  }
  Json BillField(const std::string& name) {
    Json json = Export();
    for (const Json& document : json["documents"]) {
      if (document["kind"] == "bill") return document["fields"].value(name, Json());
    }
    return Json();
  }

  // Every page of a report, one after the other.
  static std::string Pages(const std::string& dir) {
    std::string pages;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) pages += testing::ReadFile(entry.path());
    return pages;
  }

  testing::ScratchDir dir_;
  std::string db_ = dir_ / "r.db";
  std::string bill_;
};

TEST_F(ReviewTest, ACorrectionChangesTheFindingIsKeptBesideTheReadingAndSurvivesARescan) {
  ASSERT_TRUE(Raised("balance_exceeds_eob"));
  Outcome review = RunCli({"--db", db_, "review", "--today", "2025-12-01", "--crops", dir_ / "crops"});
  ASSERT_EQ(review.code, kExitOk) << review.err;
  size_t item = review.out.find("1. amount due: $136.82 (read ");
  ASSERT_NE(item, std::string::npos) << review.out;
  EXPECT_NE(review.out.find("why: 'Asks for more than your plan says you owe' rests on it", item), std::string::npos);
  EXPECT_NE(review.out.find("see: " + (dir_ / "crops") + "/review-1.png", item), std::string::npos);
  EXPECT_NE(review.out.find("wrong? shoebox correct " + bill_ + " amount_due_cents VALUE", item), std::string::npos);

  // The report's evidence says how to correct it.
  ASSERT_EQ(RunCli({"--db", db_, "report", "--today", "2025-12-01", "--out", dir_ / "before"}).code, kExitOk);
  EXPECT_NE(Pages(dir_ / "before").find("Not what the paper says? <code>shoebox correct " + bill_ +
                                        " amount_due_cents VALUE</code>"),
            std::string::npos);

  // The person reads $43.79 on the paper.
  Outcome corrected = RunCli({"--db", db_, "correct", bill_, "amount_due_cents", "$43.79", "--today", "2025-12-01"});
  ASSERT_EQ(corrected.code, kExitOk) << corrected.err;
  EXPECT_NE(corrected.err.find("corrected amount_due_cents: read as $136.82, now $43.79"), std::string::npos);
  EXPECT_FALSE(Raised("balance_exceeds_eob"));
  EXPECT_EQ(BillField("amount_due_cents")["value"], 4379);
  EXPECT_EQ(BillField("amount_due_cents")["person"], "corrected on 2025-12-01, read as $136.82");
  EXPECT_EQ(BillField("amount_due_cents")["confidence"], 1.0);
  // What was read stays stored as read.
  EXPECT_EQ(RunCli({"--db", db_, "query", "SELECT value_cents FROM fields WHERE name = 'amount_due_cents' AND "
                                          "document_id LIKE '" + bill_ + "%'", "--csv"}).out,
            "value_cents\n13682\n");
  // Read again from the file, the paper keeps what the person said of it.
  ASSERT_EQ(RunCli({"--db", db_, "scan", "--force", Bill(), Eob(), "--today", "2025-12-01"}).code, kExitOk);
  EXPECT_EQ(BillField("amount_due_cents")["value"], 4379);
  EXPECT_FALSE(Raised("balance_exceeds_eob"));
  EXPECT_EQ(RunCli({"--db", db_, "review", "--today", "2025-12-01"}).out.find("amount due: $"), std::string::npos);
}

TEST_F(ReviewTest, WhatCannotBeCorrectedIsSaidInOneLine) {
  auto said = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db_});
    return RunCli(args).err;
  };
  EXPECT_EQ(said({"correct", bill_, "frobs", "5"}),
            "shoebox correct: a document read as bill has no field frobs (shoebox show lists its fields)\n");
  EXPECT_EQ(said({"correct", bill_, "due_date", "2025-13-45"}),
            "shoebox correct: '2025-13-45' is not a value for due_date\n");
  EXPECT_EQ(said({"correct", bill_, "claim 1 plan_paid_cents", "5"}),
            "shoebox correct: the document has 0 claim(s), not 1\n");
  EXPECT_EQ(said({"correct", "zzzz", "amount_due_cents", "5"}),
            "shoebox correct: no document is 'zzzz' (shoebox show zzzz lists them)\n");
  EXPECT_EQ(said({"confirm", bill_, "patient_paid_cents"}),
            "shoebox confirm: nothing was read for patient_paid_cents to confirm: correct it with its value instead\n");
}

// Stepping through: s skips a figure (asked again next time), Enter confirms it (asked no more), a
// value corrects it.
TEST_F(ReviewTest, SteppingThroughSkipsConfirmsAndCorrects) {
  ASSERT_EQ(RunCli({"--db", db_, "review", "--step", "--today", "2025-12-01"}, "s\n").code, kExitOk);
  EXPECT_FALSE(BillField("amount_due_cents").contains("person"));
  Outcome confirmed = RunCli({"--db", db_, "review", "--step", "--today", "2025-12-01"}, "\n");
  ASSERT_EQ(confirmed.code, kExitOk) << confirmed.err;
  EXPECT_NE(confirmed.err.find("confirmed amount_due_cents as read: $136.82"), std::string::npos) << confirmed.err;
  EXPECT_EQ(BillField("amount_due_cents")["person"], "confirmed on 2025-12-01");
  EXPECT_EQ(RunCli({"--db", db_, "review", "--today", "2025-12-01"}).out.find("amount due: $136.82"), std::string::npos);
  ASSERT_EQ(RunCli({"--db", db_, "report", "--today", "2025-12-01", "--out", dir_ / "report"}).code, kExitOk);
  EXPECT_NE(Pages(dir_ / "report").find("<br>You confirmed on 2025-12-01."), std::string::npos);
  // Confirmed, then read again as $43.79 on a closer look.
  ASSERT_EQ(RunCli({"--db", db_, "correct", bill_, "amount_due_cents", "43.79", "--today", "2025-12-02"}).code, kExitOk);
  EXPECT_EQ(BillField("amount_due_cents")["person"], "corrected on 2025-12-02, read as $136.82");
}

// A copy of the same paper (another file, read on its own) takes the correction through the keys
// that name the paper; a paper that shares none does not.
TEST(Corrections, FollowThePaperNotTheFile) {
  auto bill = [](const std::string& id, const std::string& account, const std::string& date) {
    StoredDocument d;
    d.id = id;
    d.document.kind = DocumentKind::kBill;
    d.document.fields = {{"account_number", account, std::nullopt, 0.9, 1, {}, ""},
                         {"statement_date", date, std::nullopt, 0.9, 1, {}, ""},
                         {"amount_due_cents", "", 13682, 0.6, 1, {}, ""}};
    return d;
  };
  std::vector<StoredDocument> documents = {bill("scan", "5551", "2025-04-20"), bill("photo", "5551", "2025-04-20"),
                                           bill("next", "5551", "2025-05-20")};
  auto correction = findings::MakeCorrection(documents[0], "amount_due_cents", "43.79", "2025-12-01");
  ASSERT_TRUE(correction);
  EXPECT_EQ(correction->read_value, "$136.82");
  findings::ApplyCorrections(documents, {*correction});
  EXPECT_EQ(findings::ShownValue(documents[0].document, "amount_due_cents"), "$43.79");
  EXPECT_EQ(findings::ShownValue(documents[1].document, "amount_due_cents"), "$43.79");
  EXPECT_EQ(findings::ShownValue(documents[2].document, "amount_due_cents"), "$136.82");
}

// The financial-assistance pre-screen on the samples' hospital account (a denied $17,035.75 claim,
// first statement 2025-09-01): the window, the household's percent of the guideline (kept for next
// time), and the report's Start here, account page and letter using it.
TEST(Assistance, AHouseholdsPercentOfTheGuidelineOnEachHospitalAccount) {
  testing::ScratchDir dir;
  std::string db = dir / "a.db";
  ASSERT_EQ(RunCli({"--db", db, "scan", testing::SamplesInbox() + "/E008-bill-born_digital.pdf",
                    testing::SamplesInbox() + "/E008-eob-born_digital.pdf", "--today", "2025-12-01"}).code,
            kExitOk);
  Outcome first = RunCli({"--db", db, "assistance", "--today", "2025-12-01"});
  ASSERT_EQ(first.code, kExitOk) << first.err;
  EXPECT_NE(first.out.find("Give your household to see where it stands"), std::string::npos);
  EXPECT_NE(first.out.find("VALLEY VIEW HEALTH SYSTEM, account 513874840, $17,035.75 due: apply by 2026-04-29 "
                           "(149 days left)."),
            std::string::npos)
      << first.out;
  std::string pre = "Your household of 4 with $45,000.00 a year is at 139% of the 2025 federal poverty guideline "
                    "($32,150.00 for 4): many nonprofit hospitals forgive bills in full at this income";
  Outcome given = RunCli({"--db", db, "assistance", "--household", "4", "--income", "45,000", "--today", "2025-12-01"});
  ASSERT_EQ(given.code, kExitOk) << given.err;
  EXPECT_NE(given.out.find(pre), std::string::npos) << given.out;
  EXPECT_NE(RunCli({"--db", db, "assistance", "--today", "2025-12-01"}).out.find(pre), std::string::npos);
  EXPECT_EQ(RunCli({"--db", db, "assistance", "--household", "0", "--income", "5"}).code, kExitUsage);

  ASSERT_EQ(RunCli({"--db", db, "report", "--today", "2025-12-01", "--out", dir / "report"}).code, kExitOk);
  std::string index = testing::ReadFile(dir / "report/index.html");
  EXPECT_NE(index.find("<br>" + pre), std::string::npos);
  std::string pages;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "report")) pages += testing::ReadFile(entry.path());
  EXPECT_NE(pages.find("<p><b>Financial assistance:</b> " + pre), std::string::npos);
  EXPECT_NE(pages.find("<p>My household is 4 people with an income of $45,000.00 a year, 139% of the 2025 federal "
                       "poverty guideline. I enclose proof of our income"),
            std::string::npos);
}

// A practice call about the samples' account whose statement asks $136.82 where the plan's EOB says
// $43.79: the coaching expected at each turn, in each mode, and the summary.
TEST_F(ReviewTest, ARehearsalCoachesEachTurnInBothModes) {
  auto call = [&](const std::string& mode, const std::string& typed) {
    Outcome outcome = RunCli({"--db", db_, "rehearse", "--account", "562721943", "--mode", mode, "--today",
                              "2025-12-01"}, typed);
    EXPECT_EQ(outcome.code, kExitOk) << outcome.err;
    return outcome.out;
  };
  // Each turn: the rep's line, then the coaching; turns split where the person speaks ("You: ").
  auto turns = [](const std::string& out) {
    std::vector<std::string> split;
    for (size_t at = out.find("You: "); at != std::string::npos;) {
      size_t next = out.find("You: ", at + 5);
      split.push_back(out.substr(at, next == std::string::npos ? std::string::npos : next - at));
      at = next;
    }
    return split;
  };
  std::string normal = call("normal", "I want to dispute this bill\nCan you reduce it?\nI can pay $136.82\n"
                                      "I can pay $40 today\nbye\n");
  EXPECT_NE(normal.find("Rep: Thank you for calling Summit Radiology Associates billing"), std::string::npos);
  std::vector<std::string> turn = turns(normal);
  ASSERT_EQ(turn.size(), 5u) << normal;
  EXPECT_NE(turn[0].find("Coach: Open with \"I am calling to resolve this account\", not \"dispute\""), std::string::npos);
  EXPECT_NE(turn[1].find("Coach: Ask an open question: \"What is the most you can reduce this by today?\""), std::string::npos);
  EXPECT_NE(turn[2].find("Coach: That is more than the paperwork supports: the most you owe is $43.79."), std::string::npos);
  // The bill asks more than the plan says: no settling until it is corrected.
  EXPECT_NE(turn[3].find("Coach: Not yet: something on this account is unresolved."), std::string::npos);
  EXPECT_NE(turn[4].find("How it went"), std::string::npos);  // the last turn ends with the summary
  EXPECT_NE(turn[4].find("- Ask \"Can you send me this agreement in writing before I pay?\""), std::string::npos);

  std::string hard = call("hard", "Hello, I am calling to resolve this account\nCould you explain each charge?\n"
                                  "My plan's explanation of benefits says I owe $43.79\nI can pay $40 today\n"
                                  "Can you send me the agreement in writing?\nbye\n");
  turn = turns(hard);
  ASSERT_EQ(turn.size(), 6u) << hard;
  EXPECT_NE(turn[0].find("Coach: Good opening"), std::string::npos);
  EXPECT_NE(turn[1].find("Rep: Every charge on this account is valid."), std::string::npos);
  EXPECT_NE(turn[1].find("Coach: They said every charge is valid"), std::string::npos);
  EXPECT_NE(turn[2].find("I can correct the balance to that."), std::string::npos);
  EXPECT_NE(turn[3].find("Rep: Given the plan's figure, I can accept $40.00"), std::string::npos);
  EXPECT_NE(turn[3].find("Coach: Good: a concrete figure, with the plan's own figure behind it."), std::string::npos);
  EXPECT_NE(turn[4].find("Rep: All right, I'll send you a letter confirming it."), std::string::npos);
  EXPECT_NE(turn[5].find("+ You made a concrete counter-offer."), std::string::npos);
  EXPECT_EQ(turn[5].find("- Not yet"), std::string::npos);

  // The practised offer, saved to the log.
  Outcome saved = RunCli({"--db", db_, "rehearse", "--account", "562721943", "--save", "--today", "2025-12-01"},
                         "My plan says I owe $43.79\nI can pay $40\nbye\n");
  EXPECT_NE(saved.out.find("Saved to the log: practised counter-offer: $40.00"), std::string::npos) << saved.out;
  EXPECT_NE(RunCli({"--db", db_, "log"}).out.find("practised counter-offer: $40.00"), std::string::npos);
  EXPECT_EQ(RunCli({"--db", db_, "rehearse", "--account", "5627219"}).code, kExitUsage);
}

// Two households' papers in one shoebox: each person with their papers and plan year, told apart;
// the findings and accounts of one of them; a rename and a merge the person makes.
TEST(People, TwoPeoplesPapersAreToldApartRenamedAndMerged) {
  testing::ScratchDir dir;
  std::string db = dir / "p.db";
  std::vector<std::string> scan = {"--db", db, "scan", "--today", "2025-12-01"};
  for (const char* file : {"E004-bill", "E004-eob", "E006-bill", "E006-eob"}) {
    scan.push_back(testing::SamplesInbox() + "/" + file + "-born_digital.pdf");
  }
  ASSERT_EQ(RunCli(scan).code, kExitOk);
  std::string people = RunCli({"--db", db, "people"}).out;
  EXPECT_NE(people.find("Morgan Abernathy: patient; 2 paper(s)\n  plan year 2025: deductible $0.00, your share $43.79"),
            std::string::npos) << people;
  EXPECT_NE(people.find("Emerson Abernathy: guarantor, member; 2 paper(s); member ID W354799679"), std::string::npos);
  EXPECT_NE(people.find("Casey Delacroix: patient; 2 paper(s)"), std::string::npos);

  auto findings_of = [&](const std::string& person) {
    return RunCli({"--db", db, "findings", "--today", "2025-12-01", "--person", person});
  };
  std::string morgan = findings_of("Morgan Abernathy").out, casey = findings_of("casey delacroix").out;
  EXPECT_NE(morgan.find("Asks for more than your plan says you owe"), std::string::npos) << morgan;
  EXPECT_EQ(morgan.find("The same charge twice"), std::string::npos);
  EXPECT_NE(casey.find("The same charge twice"), std::string::npos) << casey;
  EXPECT_EQ(casey.find("E004-"), std::string::npos);
  EXPECT_EQ(morgan.find("E006-"), std::string::npos);
  std::string accounts = RunCli({"--db", db, "accounts", "--person", "Casey Delacroix"}).out;
  EXPECT_NE(accounts.find("E006-bill-born_digital.pdf"), std::string::npos);
  EXPECT_EQ(accounts.find("E004-bill-born_digital.pdf"), std::string::npos);
  Outcome nobody = findings_of("Nobody Here");
  EXPECT_EQ(nobody.code, kExitUsage);
  EXPECT_EQ(nobody.err, "shoebox findings: no paper names Nobody Here (shoebox people lists who they name)\n");

  ASSERT_EQ(RunCli({"--db", db, "people", "rename", "Morgan Abernathy", "Morgan Abernathy-Lee"}).code, kExitOk);
  people = RunCli({"--db", db, "people"}).out;
  EXPECT_NE(people.find("Morgan Abernathy-Lee: patient; 2 paper(s)\n  also printed as: Morgan Abernathy"), std::string::npos)
      << people;
  EXPECT_NE(findings_of("Morgan Abernathy-Lee").out.find("Asks for more than"), std::string::npos);
  ASSERT_EQ(RunCli({"--db", db, "people", "merge", "Casey Delacroix", "Morgan Abernathy-Lee"}).code, kExitOk);
  people = RunCli({"--db", db, "people"}).out;
  EXPECT_NE(people.find("Casey Delacroix: patient; 4 paper(s)"), std::string::npos) << people;
  EXPECT_EQ(people.find("Morgan Abernathy-Lee:"), std::string::npos);
  // A name of one word is that person's alone, not everyone's.
  ASSERT_EQ(RunCli({"--db", db, "people", "rename", "Emerson Abernathy", "Dad"}).code, kExitOk);
  people = RunCli({"--db", db, "people"}).out;
  EXPECT_NE(people.find("Dad: guarantor, member; 2 paper(s)"), std::string::npos) << people;
  EXPECT_NE(people.find("Casey Delacroix: patient; 4 paper(s)"), std::string::npos);
}

// A claim's line and a bill's line item are corrected by their places, counted from 1.
TEST(Corrections, OfClaimLinesAndLineItemsByTheirPlaces) {
  StoredDocument notice;
  notice.id = "notice";
  notice.document.kind = DocumentKind::kEob;
  notice.document.claims.resize(1);
  notice.document.claims[0].lines.resize(2);
  notice.document.claims[0].lines[1].allowed_cents = 9000;
  auto line = findings::MakeCorrection(notice, "claim 1 line 2 allowed_cents", "$90.50", "2025-12-01");
  ASSERT_TRUE(line);
  EXPECT_EQ(line->read_value, "$90.00");
  StoredDocument bill;
  bill.id = "bill";
  bill.document.kind = DocumentKind::kBill;
  bill.document.line_items.resize(1);
  bill.document.line_items[0].charge_cents = 9800;
  auto item = findings::MakeCorrection(bill, "line 1 charge_cents", "98.50", "2025-12-01");
  ASSERT_TRUE(item);
  std::vector<StoredDocument> documents = {notice, bill};
  findings::ApplyCorrections(documents, {*line, *item});
  EXPECT_EQ(documents[0].document.claims[0].lines[1].allowed_cents, 9050);
  EXPECT_EQ(documents[1].document.line_items[0].charge_cents, 9850);
  EXPECT_EQ(findings::MakeCorrection(bill, "line 2 charge_cents", "1", "2025-12-01").error().message,
            "the document has 1 line item(s), not 2");
  EXPECT_EQ(findings::MakeCorrection(notice, "claim 1 line 1 units", "1", "2025-12-01").error().message,
            "a claim line's units cannot be corrected: its figures, date_of_service or code can");
}

}  // namespace
}  // namespace shoebox::cli
