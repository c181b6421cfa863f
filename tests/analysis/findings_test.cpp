// rules: every rule ID of docs/RULES.md with the cases that must and must not fire.
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

TEST(Rules, R_eob_missing_01_NoEobAndTheBillSaysNothingOfInsurance) {
  // No EOB in the shoebox is no evidence insurance has not finished: a paper to get, not a finding.
  auto found = Evaluate({Bill("b", 18500, 18500, "")});
  EXPECT_EQ(Count(found, "R-premature-01"), 0);
  ASSERT_EQ(Count(found, "R-eob-missing-01"), 1);
  const Finding* missing = Get(found, "R-eob-missing-01");
  EXPECT_TRUE(missing->to_check);
  EXPECT_EQ(missing->rule, FindingRule::kEobMissing);
  EXPECT_EQ(missing->summary.find("Do not pay"), std::string::npos);
  // Where the bill says insurance is pending, it is premature; once the EOB is in, neither.
  EXPECT_EQ(Count(Evaluate({Bill("b", 18500, 18500, "pending")}), "R-eob-missing-01"), 0);
  EXPECT_EQ(Count(Evaluate({Bill("b", 18500, 2000, ""), Eob("e", 18500, 2000)}), "R-eob-missing-01"), 0);
}

TEST(Rules, AFindingOnFiguresThatDoNotHoldIsACheckItem) {
  // The balance finding as read: confirmed.
  auto found = Evaluate({Bill("b", 18500, 5000), Eob("e", 18500, 2000)});
  ASSERT_EQ(Count(found, "R-balance-01"), 1);
  EXPECT_FALSE(Get(found, "R-balance-01")->to_check);
  // The bill's own figures do not add up: what to check, not what not to pay.
  StoredDocument unsure = Bill("b", 18500, 5000);
  unsure.document.checks.push_back({"amount_due_equals_charges_less_credits", false, "off by 10.00"});
  found = Evaluate({unsure, Eob("e", 18500, 2000)});
  ASSERT_EQ(Count(found, "R-balance-01"), 1);
  const Finding* check = Get(found, "R-balance-01");
  EXPECT_TRUE(check->to_check);
  EXPECT_NE(check->what_to_check.find("do not add up (amount_due_equals_charges_less_credits, off by 10.00)"),
            std::string::npos) << check->what_to_check;
  EXPECT_EQ(check->next_step.find("Do not pay"), std::string::npos);
  // Its arithmetic never checked (a figure of it not read): the same.
  StoredDocument unchecked = Bill("b", 18500, 5000);
  unchecked.document.checks.clear();
  found = Evaluate({unchecked, Eob("e", 18500, 2000)});
  ASSERT_EQ(Count(found, "R-balance-01"), 1);
  EXPECT_TRUE(Get(found, "R-balance-01")->to_check);
  EXPECT_NE(Get(found, "R-balance-01")->what_to_check.find("could not be checked"), std::string::npos);
  // A figure it rests on read unsurely: the same.
  StoredDocument faint = Bill("b", 18500, 5000);
  for (Field& field : faint.document.fields) {
    if (field.name == "amount_due_cents") field.confidence = 0.4;
  }
  found = Evaluate({faint, Eob("e", 18500, 2000)});
  ASSERT_EQ(Count(found, "R-balance-01"), 1);
  EXPECT_TRUE(Get(found, "R-balance-01")->to_check);
  EXPECT_NE(Get(found, "R-balance-01")->what_to_check.find("amount due on page 1 was read only 40% surely"), std::string::npos)
      << Get(found, "R-balance-01")->what_to_check;
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
  // How much it matters: high near the deadline; far from it, medium where $1,000 or more is due.
  EXPECT_EQ(Get(found, "R-assistance-01")->severity, Severity::kInfo);
  EXPECT_EQ(Get(Evaluate({hospital}, "2025-11-20"), "R-assistance-01")->severity, Severity::kHigh);
  StoredDocument large = Bill("h2", 250000, 150000);
  large.document.line_items[0].revenue_code = "0450";
  EXPECT_EQ(Get(Evaluate({large}, "2025-05-01"), "R-assistance-01")->severity, Severity::kMedium);
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
  // The paper or its reading may be wrong: always a check item, never a finding.
  EXPECT_TRUE(Get(found, "R-arithmetic-01")->to_check);
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

// A watched folder's second batch: a notice for an old bill and a better copy of another arrive.

// Only what involves them is matched again, and the result is what a fresh analysis gives.

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
  EXPECT_EQ(ids, 18u);
}

}  // namespace
}  // namespace shoebox::findings
