// twins, matching, accounts, plan years, episodes and the incremental analyser, on hand-made papers.
#include "pipeline/analysis/findings.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "pipeline/core/dates.hpp"
#include "pipeline/analysis/accounts.hpp"
#include "pipeline/analysis/analysis.hpp"
#include "pipeline/analysis/rules/rules.hpp"
#include "pipeline/store/store.hpp"
#include "tests/analysis/papers.hpp"
#include "tests/test_support.hpp"

namespace shoebox::findings {
namespace {

using namespace testing_papers;

TEST(Twins, APhotoAndAScanOfOneStatementAreOnePaperStoodForByTheCopyThatAddsUp) {
  StoredDocument scan = Bill("scan", 18500, 2000), photo = Bill("photo", 18500, 2000);
  photo.document.checks.push_back({"line_items_sum_to_total_charges", false, "18,500 vs 13,500"});  // a misread
  std::vector<Twin> twins = FindTwins({photo, scan});
  ASSERT_EQ(twins.size(), 1u);
  EXPECT_EQ(twins[0].document_id, "photo");
  EXPECT_EQ(twins[0].duplicate_of, "scan");
  EXPECT_EQ(twins[0].keys, "account_number,statement_date");
}

TEST(Twins, ALaterStatementOfTheSameAccountIsANewStatementNotATwin) {
  StoredDocument april = Bill("april", 18500, 2000), may = Bill("may", 18500, 2000);
  for (Field& field : may.document.fields) {
    if (field.name == "statement_date") field.text = "2025-05-10";
  }
  EXPECT_TRUE(FindTwins({april, may}).empty());
}

TEST(Twins, ACopyWhoseDateWasNotReadJoinsByAccountAndAmountsButNeverAcrossDates) {
  StoredDocument april = Bill("april", 18500, 2000), fax = Bill("fax", 18500, 2000), may = Bill("may", 18500, 2000);
  std::erase_if(fax.document.fields, [](const Field& f) { return f.name == "statement_date"; });
  for (Field& field : may.document.fields) {
    if (field.name == "statement_date") field.text = "2025-05-10";  // a reminder with the same balance
  }
  std::vector<Twin> twins = FindTwins({april, fax});
  ASSERT_EQ(twins.size(), 1u);
  EXPECT_EQ(twins[0].keys, "account_number,total_charges,amount_due");
  EXPECT_TRUE(FindTwins({april, may}).empty());
  // A faxed copy that kept only its account number and balance.
  std::erase_if(fax.document.fields, [](const Field& f) { return f.name == "total_charges_cents"; });
  twins = FindTwins({april, fax});
  ASSERT_EQ(twins.size(), 1u);
  EXPECT_EQ(twins[0].keys, "account_number,amount_due");
}

TEST(Twins, ACopyThatKeptOnlyItsAccountAndChargesJoinsUnlessItAsksAnotherBalance) {
  StoredDocument april = Bill("april", 18500, 2000), fax = Bill("fax", 18500, 2000), later = Bill("later", 18500, 500);
  std::erase_if(fax.document.fields, [](const Field& f) { return f.name == "statement_date" || f.name == "amount_due_cents"; });
  std::vector<Twin> twins = FindTwins({april, fax});
  ASSERT_EQ(twins.size(), 1u);
  EXPECT_EQ(twins[0].keys, "account_number,total_charges");
  // The statement after insurance paid, its date not read: the same charges, another balance.
  std::erase_if(later.document.fields, [](const Field& f) { return f.name == "statement_date"; });
  EXPECT_TRUE(FindTwins({april, later}).empty());
}

// Copies of one notice from a fax: one whose claim number lost or misread a digit or did not read
// (the same notice date or none read, a claim of the same date of service and share), one whose
// notice date did not read (the same claim number). A claim numbered one apart leaving another share, or reprocessed on another date, is
// another paper.
TEST(Twins, AFaxedNoticeWithAClaimNumberMisreadOrNoDateIsACopy) {
  auto notice = [](const std::string& id, const std::string& claim_number, const std::string& date, Cents owed) {
    StoredDocument eob = Eob(id, 18500, owed);
    eob.document.claims[0].claim_number = claim_number;
    if (!date.empty()) eob.document.fields.push_back(Text("notice_date", date));
    return eob;
  };
  StoredDocument paper = notice("paper", "3503311309745", "2025-02-27", 4000);
  std::vector<Twin> twins = FindTwins({paper, notice("digit", "503311309745", "2025-02-27", 4000)});
  ASSERT_EQ(twins.size(), 1u);
  EXPECT_EQ(twins[0].keys, "notice_date,claim_number within a digit or unread,service_date,patient_share");
  // Its number not read: the same patient's claim of that date and share.
  StoredDocument unnumbered = notice("unnumbered", "", "2025-02-27", 4000), named = paper;
  for (StoredDocument* eob : {&unnumbered, &named}) eob->document.fields.push_back(Text("patient_name", "Casey Lee"));
  EXPECT_EQ(FindTwins({named, unnumbered}).size(), 1u);
  EXPECT_TRUE(FindTwins({paper, unnumbered}).empty());  // whose, the first does not say
  EXPECT_EQ(FindTwins({paper, notice("both", "4503311309745", "", 4000)}).size(), 1u);  // and its date not read
  twins = FindTwins({paper, notice("undated", "3503311309745", "", 4000)});
  ASSERT_EQ(twins.size(), 1u);
  EXPECT_EQ(twins[0].keys, "claim_number");
  EXPECT_TRUE(FindTwins({paper, notice("next", "3503311309746", "2025-02-27", 2500)}).empty());
  EXPECT_TRUE(FindTwins({paper, notice("reprocessed", "3503311309745", "2025-04-02", 2500)}).empty());
}

// A faxed statement whose account number gained a digit or did not read, its letterhead misread:
// the same date, charges and balance; another account number, or another balance, is another bill.
// A faxed notice whose member ID lost a letter: the same date and total for the member. A letter
// whose date was misread: the same day to dispute by and amount.
TEST(Twins, AFaxedCopyWhoseIdentifiersSlippedJoinsByItsDateAndFigures) {
  StoredDocument scan = Bill("scan", 236250, 44888), fax = Bill("fax", 236250, 44888);
  for (Field& field : fax.document.fields) {
    if (field.name == "account_number") field.text = "555-00101";
    if (field.name == "provider_name") field.text = "CRESTW00D| FAMILY";
  }
  std::vector<Twin> twins = FindTwins({scan, fax});
  ASSERT_EQ(twins.size(), 1u);
  EXPECT_EQ(twins[0].keys, "statement_date,total_charges,amount_due,account_number as read");
  std::erase_if(fax.document.fields, [](const Field& f) { return f.name == "account_number"; });
  EXPECT_EQ(FindTwins({scan, fax}).size(), 1u);
  StoredDocument other = Bill("other", 236250, 44888);
  for (Field& field : other.document.fields) {
    if (field.name == "account_number") field.text = "781-2213";
    if (field.name == "provider_name") field.text = "Lakeside Imaging";
  }
  EXPECT_TRUE(FindTwins({scan, other}).empty());

  auto notice = [](const std::string& id, const std::string& member_id) {
    StoredDocument eob = Eob(id, 18500, 4000);
    eob.document.claims[0].claim_number.clear();  // not read on the fax
    eob.document.fields = {Text("notice_date", "2025-06-16"), Text("member_id", member_id),
                           Money("total_patient_responsibility_cents", 6200)};
    return eob;
  };
  twins = FindTwins({notice("paper", "W762576571"), notice("faxed", "762576571")});
  ASSERT_EQ(twins.size(), 1u);
  EXPECT_EQ(twins[0].keys, "notice_date,patient_total,member_id within a character");
  EXPECT_TRUE(FindTwins({notice("paper", "W762576571"), notice("spouse", "W762576588")}).empty());

  // A collector's letter whose date was misread on a copy: the same day to dispute by and the same
  // amount on the same account. A later letter gives another day.
  StoredDocument letter = Letter("letter", 68322, "2025-12-21"), photo = Letter("photo", 68322, "2025-12-21");
  letter.document.fields.push_back(Text("letter_date", "2025-11-16"));
  photo.document.fields.push_back(Text("letter_date", "2025-10-21"));
  twins = FindTwins({letter, photo});
  ASSERT_EQ(twins.size(), 1u);
  EXPECT_EQ(twins[0].keys, "validation_end_date,current_amount,account_number as read");
  EXPECT_TRUE(FindTwins({letter, Letter("later", 68322, "2026-01-20")}).empty());
}

TEST(Twins, AFaxWhoseAccountAndLetterheadDidNotReadJoinsByItsPatientDateAndFigures) {
  StoredDocument scan = Bill("scan", 18500, 2000), fax = Bill("fax", 18500, 2000), other = Bill("other", 18500, 2000);
  for (StoredDocument* bill : {&scan, &fax, &other}) bill->document.fields.push_back(Text("patient_name", "Dakota Whitfield"));
  std::erase_if(fax.document.fields, [](const Field& f) { return f.name == "account_number"; });
  for (Field& field : fax.document.fields) {
    if (field.name == "provider_name") field.text = "SERS";  // a letterhead misread
  }
  std::vector<Twin> twins = FindTwins({scan, fax});
  ASSERT_EQ(twins.size(), 1u);
  EXPECT_EQ(twins[0].keys, "patient,statement_date,total_charges,amount_due");
  // Another provider's bill of the same day asking another balance is another paper.
  std::erase_if(other.document.fields, [](const Field& f) { return f.name == "account_number"; });
  for (Field& field : other.document.fields) {
    if (field.name == "amount_due_cents") field.cents = 2500;
  }
  EXPECT_TRUE(FindTwins({fax, other}).empty());
}

TEST(Twins, APhotoWhoseDateAndAccountDidNotReadJoinsBySenderDueDateAndFigures) {
  StoredDocument scan = Bill("scan", 26300, 26300), photo = Bill("photo", 26300, 26300), next = Bill("next", 26300, 26300);
  for (StoredDocument* bill : {&scan, &photo}) bill->document.fields.push_back(Text("due_date", "2025-08-13"));
  next.document.fields.push_back(Text("due_date", "2025-09-13"));  // the next month's statement
  for (StoredDocument* bill : {&photo, &next}) {
    std::erase_if(bill->document.fields, [](const Field& f) { return f.name == "account_number" || f.name == "statement_date"; });
  }
  std::vector<Twin> twins = FindTwins({scan, photo});
  ASSERT_EQ(twins.size(), 1u);
  EXPECT_EQ(twins[0].keys, "provider,due_date,total_charges,amount_due");
  EXPECT_TRUE(FindTwins({scan, next}).empty());
}

TEST(Twins, TheSurestReadingStandsForThePaper) {
  StoredDocument photo = Bill("a-photo", 18500, 2000), born = Bill("b-born-digital", 18500, 2000);
  for (Field& field : photo.document.fields) field.confidence = 0.8;
  std::vector<Twin> twins = FindTwins({photo, born});
  ASSERT_EQ(twins.size(), 1u);
  EXPECT_EQ(twins[0].duplicate_of, "b-born-digital");
}

TEST(Twins, TwoCopiesOfOneEobShareTheNoticeDateAndClaimNumber) {
  StoredDocument first = Eob("e", 18500, 2000), second = Eob("e", 18500, 2000), other = Eob("f", 18500, 2000);
  second.id = "e-again";
  for (StoredDocument* eob : {&first, &second, &other}) eob->document.fields.push_back(Text("notice_date", "2025-03-26"));
  std::vector<Twin> twins = FindTwins({first, second, other});
  ASSERT_EQ(twins.size(), 1u);  // "f" has another claim number: another EOB
  EXPECT_EQ(twins[0].document_id, "e-again");
  EXPECT_EQ(twins[0].duplicate_of, "e");
  EXPECT_EQ(twins[0].keys, "notice_date,claim_number");
}

TEST(Match, AccountNumberIgnoresPunctuation) {
  auto matches = MatchDocuments({Bill("b", 18500, 2000), Eob("e", 18500, 2000)});
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].left_id, "b");
  EXPECT_EQ(matches[0].claim_number, "C-e");
  EXPECT_EQ(matches[0].keys, "account_number,provider,service_date,billed_total,patient_owes");
  EXPECT_DOUBLE_EQ(matches[0].score, 1.0);
}

TEST(Match, WithoutAccountNeedsProviderDateAndAmount) {
  StoredDocument msn = Eob("m", 18500, 2000);
  msn.document.kind = DocumentKind::kMsn;
  msn.document.claims[0].patient_account_number.clear();
  EXPECT_EQ(MatchDocuments({Bill("b", 18500, 2000), msn}).size(), 1u);
  // A summary bill without lines: provider, billed total and what the patient owes.
  StoredDocument summary = Bill("b", 18500, 2000);
  summary.document.line_items.clear();
  ASSERT_EQ(MatchDocuments({summary, msn}).size(), 1u);
  EXPECT_EQ(MatchDocuments({summary, msn})[0].keys, "provider,billed_total,patient_owes");
  msn.document.claims[0].billed_cents = 99;  // provider and date alone are not enough
  msn.document.claims[0].patient_responsibility_cents = 7;
  EXPECT_TRUE(MatchDocuments({Bill("b", 18500, 2000), msn}).empty());
}

TEST(Match, OnePersonsBillNeverMatchesAnothersClaim) {
  StoredDocument bill = Bill("b", 18500, 2000), eob = Eob("e", 18500, 2000);
  bill.document.fields.push_back(Text("patient_name", "Pat Doe"));
  eob.document.fields.push_back(Text("patient_name", "PAT DOE"));
  EXPECT_EQ(MatchDocuments({bill, eob}).size(), 1u);
  eob.document.fields.back().text = "Sam Doe";
  EXPECT_TRUE(MatchDocuments({bill, eob}).empty());
  // A misreading is not another person: a slip in a long name, or a label read for the name.
  bill.document.fields.back().text = "Avery Brennan";
  eob.document.fields.back().text = "AVERY BRENNON";
  EXPECT_EQ(MatchDocuments({bill, eob}).size(), 1u);
  bill.document.fields.back().text = "Name";
  EXPECT_EQ(MatchDocuments({bill, eob}).size(), 1u);
}

TEST(Accounts, StatementsOfOneAccountInDateOrderOthersApart) {
  StoredDocument may = NextStatement("may", 18500, 16500, 2000), april = Bill("april", 18500, 2000);
  StoredDocument other = Bill("other", 9000, 9000);
  other.document.fields[1].text = "777-0000";  // another account at the same provider
  std::vector<Account> accounts = GroupAccounts({may, other, april});
  ASSERT_EQ(accounts.size(), 2u);
  const Account& crestwood = accounts[0].statements.size() == 2 ? accounts[0] : accounts[1];
  ASSERT_EQ(crestwood.statements.size(), 2u);
  EXPECT_EQ(crestwood.statements[0].document_id, "april");
  EXPECT_EQ(crestwood.statements[1].document_id, "may");
  EXPECT_EQ(crestwood.statements[1].statement_date, "2025-05-10");
}

TEST(PlanYears, DeductibleAndShareByPersonAndFamilyEachClaimOnce) {
  StoredDocument pat = Eob("p", 18500, 2000), sam = Eob("s", 9000, 9000), again = Eob("p2", 18500, 2500);
  pat.document.fields.push_back(Text("patient_name", "Pat Doe"));
  sam.document.fields.push_back(Text("patient_name", "Sam Doe"));
  again.document.fields.push_back(Text("patient_name", "Pat Doe"));
  pat.document.claims[0].deductible_cents = 1500;
  sam.document.claims[0].deductible_cents = 9000;
  again.document.claims[0].claim_number = "C-p";          // Pat's claim reprocessed later
  again.document.claims[0].processed_date = "2025-04-30";
  again.document.claims[0].deductible_cents = 2000;
  std::vector<PlanYear> years = SumPlanYears({pat, sam, again});
  ASSERT_EQ(years.size(), 3u);  // the family, Pat, Sam (2025)
  EXPECT_EQ(years[0].person, "");
  EXPECT_EQ(years[0].deductible_cents, 2000 + 9000);
  EXPECT_EQ(years[0].patient_responsibility_cents, 2500 + 9000);
  EXPECT_EQ(years[0].claims, 2);
  EXPECT_EQ(years[1].person, "Pat Doe");
  EXPECT_EQ(years[1].deductible_cents, 2000);
  EXPECT_EQ(years[2].person, "Sam Doe");
  EXPECT_EQ(years[2].year, "2025");
  EXPECT_EQ(years[1].deductible_met_by, "");
  // A later claim with no deductible but coinsurance: the deductible was met by then.
  StoredDocument later = Eob("later", 50000, 10000);
  later.document.fields.push_back(Text("patient_name", "Pat Doe"));
  later.document.claims[0].processed_date = "2025-06-10";
  later.document.claims[0].deductible_cents = 0;
  later.document.claims[0].coinsurance_cents = 10000;
  years = SumPlanYears({pat, sam, again, later});
  EXPECT_EQ(years[1].deductible_met_by, "2025-06-10");
  EXPECT_EQ(years[0].deductible_met_by, "2025-06-10");
}

TEST(Episodes, OneVisitsBillsTogetherWithWhatIsMissing) {
  // An emergency visit: the facility's bill matched to its EOB claim, and a radiology bill of the
  // same patient and date with no EOB yet; another patient's bill of the same date stays apart.
  StoredDocument facility = Bill("facility", 18500, 2000), radiology = Bill("radiology", 9000, 9000, "");
  radiology.document.fields[0].text = "Valley Radiology";
  radiology.document.fields[1].text = "900-1234";
  StoredDocument stranger = radiology;
  stranger.id = "stranger";
  for (StoredDocument* bill : {&facility, &radiology}) bill->document.fields.push_back(Text("patient_name", "Pat Doe"));
  stranger.document.fields.push_back(Text("patient_name", "Sam Roe"));
  std::vector<StoredDocument> documents = {facility, radiology, stranger, Eob("e", 18500, 2000)};
  std::vector<Episode> episodes = GroupEpisodes(documents, MatchDocuments(documents));
  ASSERT_EQ(episodes.size(), 2u);
  const Episode& visit = episodes[0].bills.size() == 2 ? episodes[0] : episodes[1];
  EXPECT_EQ(visit.bills, (std::vector<std::string>{"facility", "radiology"}));
  ASSERT_EQ(visit.claims.size(), 1u);
  EXPECT_EQ(visit.claims[0].document_id, "e");
  EXPECT_EQ(visit.first_service_date, "2025-03-01");
  EXPECT_EQ(visit.patient_name, "Pat Doe");
  EXPECT_EQ(visit.missing, (std::vector<std::string>{"no EOB yet for the Valley Radiology bill of 2025-03-01"}));
}

TEST(Dates, AddDaysAndDaysBetween) {
  EXPECT_EQ(AddDays("2024-02-28", 1), "2024-02-29");
  EXPECT_EQ(AddDays("2025-12-31", 1), "2026-01-01");
  EXPECT_EQ(DaysBetween("2025-01-01", "2025-12-31"), 364);
}

}  // namespace
namespace {

// One stored file holding one document, as the scanner writes it.
SourceResult SourceOf(const StoredDocument& stored) {
  SourceResult source;
  source.path = "inbox/" + stored.path;
  source.sha256 = "sha-" + stored.id;
  source.media_type = "application/pdf";
  Page page;
  page.number = 1;
  page.text_source = TextSource::kTextLayer;
  source.pages.push_back(page);
  Document document = stored.document;
  document.first_page = document.last_page = 1;
  source.documents.push_back(document);
  return source;
}

StoredDocument WithAccount(StoredDocument d, const std::string& account) {
  for (Field& field : d.document.fields) {
    if (field.name == "account_number") field.text = account;
  }
  for (Claim& claim : d.document.claims) claim.patient_account_number = account;
  return d;
}

std::string Describe(const Analysis& a) {
  std::string text;
  for (const StoredDocument& d : a.documents) text += "doc " + d.id + "\n";
  for (const Twin& t : a.twins) text += "twin " + t.document_id + " of " + t.duplicate_of + "\n";
  for (const Match& m : a.matches) {
    text += "match " + m.left_id + " " + m.right_id + " " + std::to_string(m.claim_ordinal) + " " + m.keys + " " +
            std::to_string(m.score) + " " + std::to_string(m.lines.size()) + "\n";
  }
  return text;
}

}  // namespace

TEST(Analyser, ASecondBatchRematchesOnlyWhatChangedAndAgreesWithAFreshAnalysis) {
  testing::ScratchDir dir;
  auto db = store::Database::Open(dir / "s.db", store::Mode::kReadWrite);
  ASSERT_TRUE(db);
  for (const StoredDocument& d : {Bill("b1", 18500, 2000), Eob("e1", 18500, 2000), WithAccount(Bill("b2", 9500, 9500), "777"),
                                  WithAccount(Bill("b3", 4200, 1000), "888"), WithAccount(Eob("e3", 4200, 1000), "888")}) {
    ASSERT_TRUE((*db)->WriteSource(SourceOf(d), false, "t"));
  }
  Analyser analyser;
  ASSERT_TRUE(analyser.Update(**db));
  EXPECT_EQ(analyser.rematched(), 5u);

  StoredDocument copy = Bill("b1-photo", 18500, 2000);  // the same statement, read more fully
  copy.document.fields.push_back(Text("patient_name", "Avery Lindqvist"));
  for (const StoredDocument& d : {WithAccount(Eob("e2", 9500, 9500), "777"), copy}) {
    ASSERT_TRUE((*db)->WriteSource(SourceOf(d), false, "t"));
  }
  auto updated = analyser.Update(**db);
  ASSERT_TRUE(updated);
  EXPECT_EQ(analyser.rematched(), 3u);  // e2, the new copy, and b1, which now stands behind it
  auto fresh = Analyse(**db);
  ASSERT_TRUE(fresh);
  EXPECT_EQ(Describe(**updated), Describe(*fresh));
  EXPECT_EQ((*updated)->twins.size(), 1u);
  EXPECT_EQ((*updated)->matches.size(), 3u);  // b1's copy ↔ e1, b2 ↔ e2, b3 ↔ e3 (carried over)
}

}  // namespace shoebox::findings

namespace shoebox::findings {
namespace {

}  // namespace
}  // namespace shoebox::findings
