// match and rules: every rule ID of docs/RULES.md with the cases that must and must not fire.
#include "pipeline/analysis/findings.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "pipeline/core/dates.hpp"
#include "pipeline/analysis/accounts.hpp"
#include "pipeline/analysis/analysis.hpp"
#include "pipeline/analysis/rules/rules.hpp"
#include "pipeline/store/store.hpp"
#include "tests/test_support.hpp"

namespace shoebox::findings {
namespace {

Field Text(const std::string& name, const std::string& value) { return {name, value, std::nullopt, 1, 1, {}}; }
Field Money(const std::string& name, Cents cents) { return {name, "", cents, 1, 1, {}}; }

StoredDocument Bill(const std::string& id, Cents total, Cents due, const std::string& status = "processed") {
  StoredDocument bill{id, id + ".pdf", {}};
  bill.document.kind = DocumentKind::kBill;
  bill.document.fields = {Text("provider_name", "Crestwood Family Medicine"), Text("account_number", "555-0101"),
                          Text("statement_date", "2025-04-10"), Money("total_charges_cents", total),
                          Money("amount_due_cents", due)};
  if (!status.empty()) bill.document.fields.push_back(Text("insurance_status", status));
  bill.document.line_items = {{"2025-03-01", "", "99213", "OFFICE VISIT", 1, total, 1, {}, 1}};
  return bill;
}

StoredDocument Eob(const std::string& id, Cents billed, Cents owed, const std::string& status = "processed") {
  StoredDocument eob{id, id + ".pdf", {}};
  eob.document.kind = DocumentKind::kEob;
  Claim claim;
  claim.claim_number = "C-" + id;
  claim.provider_name = "CRESTWOOD FAMILY MEDICINE";
  claim.patient_account_number = "5550101";
  claim.status = ParseClaimStatus(status);
  claim.processed_date = "2025-03-25";
  claim.service_date_from = claim.service_date_to = "2025-03-01";
  claim.billed_cents = billed;
  claim.patient_responsibility_cents = owed;
  eob.document.claims.push_back(claim);
  return eob;
}

StoredDocument Letter(const std::string& id, Cents current, const std::string& validation_end) {
  StoredDocument letter{id, id + ".pdf", {}};
  letter.document.kind = DocumentKind::kCollectionLetter;
  letter.document.fields = {Text("account_number", "555-0101"), Text("current_creditor", "Crestwood Family Medicine"),
                            Money("current_amount_cents", current), Text("validation_end_date", validation_end)};
  return letter;
}

std::vector<Finding> Evaluate(const std::vector<StoredDocument>& documents, const std::string& today = "2025-05-01") {
  return EvaluateRules(documents, MatchDocuments(documents), today);
}

int Count(const std::vector<Finding>& found, const std::string& rule_id) {
  int n = 0;
  for (const Finding& finding : found) n += finding.rule_id == rule_id ? 1 : 0;
  return n;
}

const Finding* Get(const std::vector<Finding>& found, const std::string& rule_id) {
  for (const Finding& finding : found) {
    if (finding.rule_id == rule_id) return &finding;
  }
  return nullptr;
}

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

TEST(Rules, CleanEpisodeRaisesNothing) {
  EXPECT_TRUE(Evaluate({Bill("b", 18500, 2000), Eob("e", 18500, 2000)}).empty());
}

TEST(Rules, R_premature_01_NoEobYet) {
  auto found = Evaluate({Bill("b", 18500, 18500, "pending")});
  ASSERT_EQ(Count(found, "R-premature-01"), 1);
  EXPECT_EQ(Get(found, "R-premature-01")->amount_cents, 18500);
  // A bill that shows insurance has processed it is not premature for want of the EOB.
  EXPECT_EQ(Count(Evaluate({Bill("b", 18500, 2000, "processed")}), "R-premature-01"), 0);
}

TEST(Rules, R_premature_02_ClaimPending) {
  EXPECT_EQ(Count(Evaluate({Bill("b", 18500, 18500, "pending"), Eob("e", 18500, 0, "pending")}), "R-premature-02"), 1);
}

TEST(Rules, R_premature_03_StatementBeforeProcessing) {
  StoredDocument bill = Bill("b", 18500, 18500, "billed");
  bill.document.fields[2].text = "2025-03-10";  // before the claim's processed date of 2025-03-25
  auto found = Evaluate({bill, Eob("e", 18500, 2000)});
  EXPECT_EQ(Count(found, "R-premature-03"), 1);
}

TEST(Rules, R_balance_01_MoreThanTheEobSays) {
  auto found = Evaluate({Bill("b", 18500, 5000), Eob("e", 18500, 2000)});
  ASSERT_EQ(Count(found, "R-balance-01"), 1);
  EXPECT_EQ(Get(found, "R-balance-01")->amount_cents, 3000);
  EXPECT_EQ(Get(found, "R-balance-01")->documents, (std::vector<std::string>{"b", "e"}));
  // The same EOB scanned twice (same claim number) counts once.
  StoredDocument copy = Eob("e2", 18500, 2000);
  copy.document.claims[0].claim_number = "C-e";
  EXPECT_EQ(Get(Evaluate({Bill("b", 18500, 5000), Eob("e", 18500, 2000), copy}), "R-balance-01")->amount_cents, 3000);
  // Within a cent is not a finding.
  EXPECT_EQ(Count(Evaluate({Bill("b", 18500, 2001), Eob("e", 18500, 2000)}), "R-balance-01"), 0);
}

TEST(Rules, R_balance_02_StillBilledAfterThePlanSaysYouOweNothing) {
  auto found = Evaluate({Bill("b", 18500, 4000), Eob("e", 18500, 0)});
  ASSERT_EQ(Count(found, "R-balance-02"), 1);
  EXPECT_EQ(Count(found, "R-balance-01"), 0);
  EXPECT_EQ(Get(found, "R-balance-02")->amount_cents, 4000);
  EXPECT_NE(Get(found, "R-balance-02")->summary.find("you owe nothing"), std::string::npos);
  EXPECT_EQ(Count(Evaluate({Bill("b", 18500, 0), Eob("e", 18500, 0)}), "R-balance-02"), 0);
  // A patient share that was not read is not a zero.
  StoredDocument unread = Eob("e", 18500, 0);
  unread.document.claims[0].patient_responsibility_cents.reset();
  auto unknown = Evaluate({Bill("b", 18500, 4000), unread});
  EXPECT_EQ(Count(unknown, "R-balance-02") + Count(unknown, "R-balance-01"), 0);
}

// A second statement of the same account, a month after the first.
StoredDocument NextStatement(const std::string& id, Cents total, Cents insurance_paid, Cents due) {
  StoredDocument bill = Bill(id, total, due);
  for (Field& field : bill.document.fields) {
    if (field.name == "statement_date") field.text = "2025-05-10";
  }
  bill.document.fields.push_back(Money("insurance_paid_cents", insurance_paid));
  return bill;
}

TEST(Rules, R_account_increase_01_BalanceUpWithNoNewCharges) {
  StoredDocument april = Bill("april", 18500, 2000);
  april.document.fields.push_back(Money("insurance_paid_cents", 16500));
  auto found = Evaluate({april, NextStatement("may", 18500, 16500, 3500)});
  ASSERT_EQ(Count(found, "R-account-increase-01"), 1);
  EXPECT_EQ(Get(found, "R-account-increase-01")->amount_cents, 1500);
  EXPECT_EQ(Get(found, "R-account-increase-01")->documents, (std::vector<std::string>{"may", "april"}));
  // New charges, or insurance taking its payment back, explain an increase.
  EXPECT_EQ(Count(Evaluate({april, NextStatement("may", 20000, 16500, 3500)}), "R-account-increase-01"), 0);
  EXPECT_EQ(Count(Evaluate({april, NextStatement("may", 18500, 15000, 3500)}), "R-account-increase-01"), 0);
  // A falling balance is no finding.
  EXPECT_EQ(Count(Evaluate({april, NextStatement("may", 18500, 16500, 1000)}), "R-account-increase-01"), 0);
}

TEST(Rules, ALaterStatementSupersedesTheEarlierOne) {
  // April's statement came before the EOB (premature); May's, after it, asks for what the EOB says.
  StoredDocument april = Bill("april", 18500, 18500, "billed");
  april.document.fields[2].text = "2025-03-10";
  StoredDocument may = NextStatement("may", 18500, 16500, 2000);
  auto found = Evaluate({april, may, Eob("e", 18500, 2000)});
  EXPECT_EQ(Count(found, "R-premature-03"), 0);
  EXPECT_EQ(Count(found, "R-balance-01"), 0);
  // Without the corrected statement, April's is still premature.
  EXPECT_EQ(Count(Evaluate({april, Eob("e", 18500, 2000)}), "R-premature-03"), 1);
}

TEST(Rules, R_settled_01_AStatementAfterTheAgreementAsksForMore) {
  // April's statement asks for $185 before insurance; on 2025-04-20 the person agreed to settle
  // for $100 and paid $40; May's statement still asks for $185.
  StoredDocument april = Bill("april", 18500, 18500, "billed");
  StoredDocument may = NextStatement("may", 18500, 0, 18500);
  std::vector<Note> notes = {{NoteKind::kAgreement, "555 0101", "2025-04-20", 10000, "J. Smith", "A-77", ""},
                             {NoteKind::kPayment, "5550101", "2025-04-25", 4000, "", "", ""}};
  // The settled account stops nagging: April's statement alone is premature, but not once agreed.
  EXPECT_EQ(Count(Evaluate({april}, "2025-05-15"), "R-premature-01"), 1);
  EXPECT_EQ(Count(EvaluateRules({april}, {}, "2025-05-15", notes), "R-premature-01"), 0);
  auto found = EvaluateRules({april, may}, MatchDocuments({april, may}), "2025-05-15", notes);
  ASSERT_EQ(Count(found, "R-settled-01"), 1);
  EXPECT_EQ(Get(found, "R-settled-01")->amount_cents, 18500 - 6000);
  EXPECT_EQ(Get(found, "R-settled-01")->documents, (std::vector<std::string>{"may"}));
  EXPECT_NE(Get(found, "R-settled-01")->next_step.find("reference A-77"), std::string::npos);
  // A statement that asks for what remains is in order.
  StoredDocument in_order = NextStatement("may", 18500, 0, 6000);
  EXPECT_EQ(Count(EvaluateRules({april, in_order}, {}, "2025-05-15", notes), "R-settled-01"), 0);
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

TEST(Rules, R_quantity_01_MoreRoomDaysThanTheStaySpans) {
  StoredDocument stay = Bill("b", 435000 + 9000, 2000);
  stay.document.line_items = {{"2025-03-01", "0120", "", "ROOM AND BOARD", 1, 145000, 1, {}, 1},
                              {"2025-03-02", "0120", "", "ROOM AND BOARD", 1, 145000, 1, {}, 1},
                              {"2025-03-03", "0300", "80053", "METABOLIC PANEL", 1, 9000, 1, {}, 1}};
  EXPECT_EQ(Count(Evaluate({stay, Eob("e", 299000, 2000)}), "R-quantity-01"), 0);  // 2 nights, 3 days spanned
  stay.document.line_items[1].units = 3;  // 4 room days for a stay of 3 days
  auto found = Evaluate({stay, Eob("e", 299000, 2000)});
  ASSERT_EQ(Count(found, "R-quantity-01"), 1);
  EXPECT_EQ(Get(found, "R-quantity-01")->amount_cents, 145000);
}

TEST(Rules, R_duplicate_01_SameLineTwice) {
  StoredDocument bill = Bill("b", 37000, 2000);
  bill.document.line_items.push_back(bill.document.line_items[0]);
  auto found = Evaluate({bill});
  ASSERT_EQ(Count(found, "R-duplicate-01"), 1);
  EXPECT_EQ(Get(found, "R-duplicate-01")->amount_cents, 37000);
  EXPECT_EQ(Count(Evaluate({Bill("b", 18500, 2000)}), "R-duplicate-01"), 0);
}

TEST(Rules, R_billed_not_on_eob_01_ChargeTheClaimNeverHad) {
  StoredDocument bill = Bill("b", 22500, 6000);
  bill.document.line_items.push_back({"2025-03-01", "", "36415", "VENIPUNCTURE", 1, 4000, 1, {}, 1});
  auto found = Evaluate({bill, Eob("e", 18500, 2000)});
  ASSERT_EQ(Count(found, "R-billed-not-on-eob-01"), 1);
  EXPECT_EQ(Get(found, "R-billed-not-on-eob-01")->amount_cents, 4000);
  EXPECT_NE(Get(found, "R-billed-not-on-eob-01")->summary.find("36415"), std::string::npos);
}

// Where the claim itemizes, the bill's lines are paired with its lines on date, code and charge,
// and the finding names the line no claim line pairs with, not merely one of the same charge.
TEST(Rules, R_billed_not_on_eob_01_NamesTheLineTheItemizedClaimLacks) {
  StoredDocument bill = Bill("b", 23500, 6000);
  bill.document.line_items = {{"2025-03-01", "", "99213", "OFFICE VISIT", 1, 18500, 1, {}, 1},
                              {"2025-03-01", "", "36415", "VENIPUNCTURE", 1, 2500, 1, {}, 1},
                              {"2025-03-01", "", "93010", "ECG INTERPRETATION", 1, 2500, 1, {}, 1}};
  StoredDocument eob = Eob("e", 21000, 2000);
  ClaimLine visit, ecg;
  visit.date_of_service = ecg.date_of_service = "2025-03-01";
  visit.code = "99213", visit.billed_cents = 18500;
  ecg.code = "93010", ecg.billed_cents = 2500;
  eob.document.claims[0].lines = {visit, ecg};
  std::vector<Match> matches = findings::MatchDocuments({bill, eob});
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].lines, (std::vector<std::pair<int, int>>{{0, 0}, {2, 1}}));
  EXPECT_NE(matches[0].keys.find("lines"), std::string::npos);
  auto found = Evaluate({bill, eob});
  ASSERT_EQ(Count(found, "R-billed-not-on-eob-01"), 1);
  EXPECT_EQ(Get(found, "R-billed-not-on-eob-01")->amount_cents, 2500);
  const std::string& summary = Get(found, "R-billed-not-on-eob-01")->summary;
  EXPECT_NE(summary.find("36415"), std::string::npos);
  EXPECT_EQ(summary.find("93010"), std::string::npos);
}

TEST(Rules, R_denied_01_AppealDeadline) {
  auto found = Evaluate({Eob("e", 18500, 18500, "denied")});
  ASSERT_EQ(Count(found, "R-denied-01"), 1);
  EXPECT_EQ(Get(found, "R-denied-01")->deadline, "2025-09-21");  // 180 days from 2025-03-25
  StoredDocument msn = Eob("m", 18500, 18500, "denied");
  msn.document.kind = DocumentKind::kMsn;
  EXPECT_EQ(Get(Evaluate({msn}), "R-denied-01")->deadline, "2025-07-23");  // 120 for Medicare
}

TEST(Rules, R_validation_01_OpenWindowOnly) {
  auto open = Evaluate({Letter("l", 18500, "2025-05-20")}, "2025-05-01");
  ASSERT_EQ(Count(open, "R-validation-01"), 1);
  EXPECT_EQ(Get(open, "R-validation-01")->severity, Severity::kHigh);  // 19 days left
  EXPECT_EQ(Get(open, "R-validation-01")->deadline, "2025-05-20");
  EXPECT_EQ(Count(Evaluate({Letter("l", 18500, "2025-04-20")}, "2025-05-01"), "R-validation-01"), 0);
}

TEST(Rules, R_collection_insurance_01_CollectionWhileClaimOpen) {
  auto found = Evaluate({Bill("b", 18500, 18500, "pending"), Letter("l", 18500, "2025-05-20")});
  ASSERT_EQ(Count(found, "R-collection-insurance-01"), 1);
  EXPECT_EQ(Get(found, "R-collection-insurance-01")->documents, (std::vector<std::string>{"l", "b"}));
  EXPECT_EQ(Count(Evaluate({Bill("b", 18500, 2000), Eob("e", 18500, 2000), Letter("l", 2000, "2025-05-20")}),
                  "R-collection-insurance-01"),
            0);
}

TEST(Rules, R_collection_amount_01_MoreThanOwed) {
  auto found = Evaluate({Bill("b", 18500, 2000), Eob("e", 18500, 2000), Letter("l", 9000, "2025-05-20")});
  ASSERT_EQ(Count(found, "R-collection-amount-01"), 1);
  EXPECT_EQ(Get(found, "R-collection-amount-01")->amount_cents, 7000);
  EXPECT_EQ(Count(Evaluate({Bill("b", 18500, 2000), Eob("e", 18500, 2000), Letter("l", 2000, "2025-05-20")}),
                  "R-collection-amount-01"),
            0);
}

TEST(Rules, R_assistance_01_HospitalBillsWithin240Days) {
  StoredDocument hospital = Bill("h", 18500, 2000);
  hospital.document.line_items[0].revenue_code = "0450";
  auto found = Evaluate({hospital}, "2025-05-01");
  ASSERT_EQ(Count(found, "R-assistance-01"), 1);
  EXPECT_EQ(Get(found, "R-assistance-01")->deadline, "2025-12-06");  // 240 days after 2025-04-10
  EXPECT_EQ(Count(Evaluate({hospital}, "2025-12-07"), "R-assistance-01"), 0);
  EXPECT_EQ(Count(Evaluate({Bill("b", 18500, 2000)}), "R-assistance-01"), 0);  // a physician group
}

TEST(Rules, R_surprise_01_OutOfNetworkClinicianYouDidNotChoose) {
  StoredDocument eob = Eob("e", 18500, 9000);
  eob.document.claims[0].network_status = NetworkStatus::kOutOfNetwork;
  eob.document.claims[0].provider_name = "Harborline Anesthesia Group";
  EXPECT_EQ(Count(Evaluate({eob}), "R-surprise-01"), 1);
  eob.document.claims[0].provider_name = "Crestwood Family Medicine";  // a clinician the patient chose
  EXPECT_EQ(Count(Evaluate({eob}), "R-surprise-01"), 0);
}

TEST(Rules, R_arithmetic_01_FailedCheck) {
  StoredDocument bill = Bill("b", 18500, 2000);
  bill.document.checks.push_back({"amount_due_equals_charges_less_credits", false, "expected 1500 cents"});
  auto found = Evaluate({bill, Eob("e", 18500, 2000)});
  ASSERT_EQ(Count(found, "R-arithmetic-01"), 1);
  EXPECT_EQ(Get(found, "R-arithmetic-01")->severity, Severity::kInfo);
  // Several failed checks on one document are one finding that names them all.
  bill.document.checks.push_back({"line_items_sum_to_total_charges", false, ""});
  found = Evaluate({bill, Eob("e", 18500, 2000)});
  ASSERT_EQ(Count(found, "R-arithmetic-01"), 1);
  EXPECT_NE(Get(found, "R-arithmetic-01")->summary.find("line_items_sum_to_total_charges"), std::string::npos);
  EXPECT_NE(Get(found, "R-arithmetic-01")->summary.find("amount_due_equals_charges_less_credits"), std::string::npos);
}

TEST(Rules, MostUrgentFirst) {
  auto found = Evaluate({Bill("b", 18500, 18500, "pending"), Letter("l", 18500, "2025-05-20")});
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found[0].severity, Severity::kHigh);
  EXPECT_FALSE(found[0].deadline.empty());  // a high finding with a deadline comes before one without
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

// A watched folder's second batch: a notice for an old bill and a better copy of another arrive.
// Only what involves them is matched again, and the result is what a fresh analysis gives.
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

// Every ID the rules table raises is documented in docs/RULES.md and named by a test here.
TEST(Rules, EveryRuleOfTheTableIsDocumentedAndTested) {
  std::string rules_doc = testing::ReadFile(testing::SourceDir() + "/docs/RULES.md");
  std::string tests = testing::ReadFile(testing::SourceDir() + "/tests/analysis/findings_test.cpp");
  size_t ids = 0;
  for (const Rule& rule : Rules()) {
    std::istringstream words{std::string(rule.ids)};
    for (std::string id; words >> id; ++ids) {
      EXPECT_NE(rules_doc.find(id), std::string::npos) << id << " is not in docs/RULES.md";
      std::string test_name = id;
      std::replace(test_name.begin(), test_name.end(), '-', '_');
      EXPECT_NE(tests.find(test_name), std::string::npos) << id << " has no test named " << test_name;
    }
  }
  EXPECT_EQ(ids, 17u);
}

}  // namespace
}  // namespace shoebox::findings
