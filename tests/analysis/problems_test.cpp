// Start here: findings about one bill or letter are one problem, ranked by what waiting loses, and
// a passed deadline is said as passed, with what can still be done.
#include "pipeline/analysis/problems.hpp"

#include <gtest/gtest.h>

#include "tests/analysis/papers.hpp"

namespace shoebox::findings {
namespace {

using namespace testing_papers;

Finding Raised(FindingRule rule, Severity severity, std::vector<std::string> documents, Cents cents,
               const std::string& deadline = "") {
  Finding finding;
  finding.rule = rule;
  finding.severity = severity;
  finding.documents = std::move(documents);
  finding.amount_cents = cents;
  finding.deadline = deadline;
  finding.summary = ToString(rule);
  finding.next_step = std::string("step of ") + ToString(rule);
  return finding;
}

std::vector<std::string> Headlines(const std::vector<Problem>& problems) {
  std::vector<std::string> rules;
  for (const Problem& problem : problems) rules.push_back(ToString(problem.reasons.front()->rule));
  return rules;
}

TEST(StartHere, FindingsAboutOnePaperAreOneProblemRankedByWhatWaitingLoses) {
  const std::string today = "2025-12-01";
  std::vector<StoredDocument> documents = {Bill("bill-1", 26733, 26733),
                                           Bill("bill-2", 18466, 18466),
                                           Bill("bill-3", 65000, 65000),
                                           Bill("bill-4", 1703575, 1703575),
                                           Eob("eob-1", 26733, 16933),
                                           Eob("eob-2", 80000, 50000),
                                           Letter("letter-1", 18466, "2025-12-16"),
                                           Letter("letter-3", 66660, "")};
  // In the order EvaluateRules ranks them: severity first.
  std::vector<Finding> found = {
      Raised(FindingRule::kCollectionValidationWindow, Severity::kHigh, {"letter-1"}, 18466, "2025-12-16"),
      Raised(FindingRule::kCollectionAmountMismatch, Severity::kHigh, {"letter-1", "bill-2"}, 18466, "2025-12-16"),
      Raised(FindingRule::kCollectionBeforeInsurance, Severity::kHigh, {"letter-3", "bill-3"}, 66660),
      Raised(FindingRule::kPrematureBill, Severity::kHigh, {"bill-3"}, 65000),
      Raised(FindingRule::kBalanceExceedsEob, Severity::kHigh, {"eob-1", "bill-1"}, 9800),
      Raised(FindingRule::kDuplicateCharge, Severity::kHigh, {"bill-1"}, 9800),
      Raised(FindingRule::kSurpriseBillProtection, Severity::kHigh, {"eob-2"}, 30000),
      Raised(FindingRule::kClaimDenied, Severity::kMedium, {"eob-2"}, 50000, "2026-01-30"),
      Raised(FindingRule::kBilledNotOnEob, Severity::kMedium, {"bill-1"}, 9800),
      Raised(FindingRule::kFinancialAssistanceWindow, Severity::kInfo, {"bill-4"}, 1703575, "2026-04-29"),
  };
  std::vector<Problem> problems = StartHere(found, documents, today);
  // A deadline within 30 days first; one within 90 next; then the money, whatever the severity.
  EXPECT_EQ(Headlines(problems), (std::vector<std::string>{"collection_validation_window", "claim_denied",
                                                           "financial_assistance_window", "collection_before_insurance",
                                                           "surprise_bill_protection", "balance_exceeds_eob"}));
  ASSERT_EQ(problems.size(), 6u);
  // The collector's two reasons are one problem, told as the letter's.
  EXPECT_EQ(problems[0].reasons.size(), 2u);
  EXPECT_EQ(problems[0].deadline, "2025-12-16");
  EXPECT_EQ(InOneLine(problems[0], today),
            "Crestwood Family Medicine (account 555-0101): $184.66 at stake, by 2025-12-16 (15 days left); do not pay "
            "it yet");
  // A bill sent before insurance finished and the collector now asking for it: one debt, the larger figure.
  EXPECT_EQ(problems[3].reasons.size(), 2u);
  EXPECT_EQ(problems[3].at_stake, 66660);
  // Two claims of one notice are two problems; three findings on one duplicated line are one.
  EXPECT_EQ(problems[1].reasons.size(), 1u);
  EXPECT_EQ(problems[5].reasons.size(), 3u);
  EXPECT_EQ(StepsOf(problems[5]).size(), 3u);
  // Applying for assistance is not a reason to hold payment; each problem's dollars count once.
  EXPECT_FALSE(problems[2].hold_payment);
  EXPECT_EQ(InOneLine(problems[2], today),
            "Crestwood Family Medicine (account 555-0101): $17,035.75 at stake, by 2026-04-29 (149 days left)");
  EXPECT_EQ(HeldTotal(problems), 18466 + 50000 + 66660 + 30000 + 9800);
}

TEST(StartHere, APassedDeadlineRanksByItsMoneyAndSaysSo) {
  std::vector<StoredDocument> documents = {Bill("bill-1", 10000, 10000), Eob("eob-1", 500000, 500000)};
  std::vector<Finding> found = {
      Raised(FindingRule::kPrematureBill, Severity::kHigh, {"bill-1"}, 10000),
      Raised(FindingRule::kClaimDenied, Severity::kMedium, {"eob-1"}, 500000, "2025-08-27"),
  };
  std::vector<Problem> problems = StartHere(found, documents, "2025-12-01");
  EXPECT_EQ(Headlines(problems), (std::vector<std::string>{"claim_denied", "premature_bill"}));
  EXPECT_NE(InOneLine(problems[0], "2025-12-01").find("deadline 2025-08-27 (passed 96 days ago)"), std::string::npos);
}

TEST(StartHere, DeadlinesInWords) {
  EXPECT_EQ(DeadlineInWords("2025-12-16", "2025-12-01"), "2025-12-16 (15 days left)");
  EXPECT_EQ(DeadlineInWords("2025-12-02", "2025-12-01"), "2025-12-02 (tomorrow)");
  EXPECT_EQ(DeadlineInWords("2025-12-01", "2025-12-01"), "2025-12-01 (today)");
  EXPECT_EQ(DeadlineInWords("2025-11-30", "2025-12-01"), "2025-11-30 (passed yesterday)");
  EXPECT_EQ(DeadlineInWords("2025-08-27", "2025-12-01"), "2025-08-27 (passed 96 days ago)");
}

// The rules say what can still be done once a deadline has passed, not what no longer can.
TEST(StartHere, RulesAdviseWhatIsStillPossibleAfterADeadline) {
  std::vector<Finding> denied = Evaluate({Eob("eob-1", 20000, 20000, "denied")}, "2025-12-01");
  const Finding* appeal = Get(denied, "R-denied-01");
  ASSERT_NE(appeal, nullptr);
  EXPECT_EQ(appeal->deadline, "2025-09-21");
  EXPECT_NE(appeal->summary.find("the usual appeal deadline, 2025-09-21, passed 71 days ago"), std::string::npos);
  EXPECT_NE(appeal->next_step.find("late appeal for good cause"), std::string::npos);
  EXPECT_EQ(appeal->next_step.find("before the deadline"), std::string::npos);

  std::vector<Finding> collected =
      Evaluate({Bill("bill-1", 20000, 20000, "pending"), Letter("letter-1", 20000, "2025-04-01")});
  const Finding* recall = Get(collected, "R-collection-insurance-01");
  ASSERT_NE(recall, nullptr);
  EXPECT_NE(recall->next_step.find("The validation period ended on 2025-04-01 (the days after a collector's first letter in which a "
                                      "written dispute makes it stop collecting until it proves the debt); dispute "
                                      "the debt in writing anyway"),
            std::string::npos);
  EXPECT_EQ(Count(collected, "R-validation-01"), 0);
}

}  // namespace
}  // namespace shoebox::findings
