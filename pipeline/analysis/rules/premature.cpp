// R-premature-01/02: insurance has not finished with the bill's services (the bill says insurance is
// pending or billed and no EOB has come, or the claim is pending); R-premature-03: the statement
// predates the plan's processing of the claim. R-eob-missing-01: no EOB in the papers and the bill
// says nothing of insurance: that is no evidence insurance has not finished, only a paper to get.
#include <algorithm>

#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/rules/rules.hpp"

namespace shoebox::findings {

void RaisePremature(const RuleContext& context, const StoredDocument* bill, const Claim*, std::vector<Finding>& found) {
  const Document& d = bill->document;
  const std::vector<const Claim*>& claims = context.ClaimsOfBill(bill->id);
  std::optional<Cents> due = CentsOf(d, "amount_due_cents");
  std::string status = TextOf(d, "insurance_status");
  bool any_finished = AnyFinished(claims);
  bool any_pending = std::any_of(claims.begin(), claims.end(), [](const Claim* c) { return c->status == ClaimStatus::kPending; });
  std::string statement = TextOf(d, "statement_date");
  bool says_unfinished = status == "pending" || status == "billed";
  if (claims.empty() && !says_unfinished && status != "processed") {
    found.push_back({FindingRule::kEobMissing, "R-eob-missing-01", Severity::kInfo, {bill->id}, due, "",
                     "There is no Explanation of Benefits in your papers for this bill, and the bill does not say "
                     "whether insurance has processed it.",
                     "Ask your insurer (the number is on your member card) whether they received and processed a claim "
                     "for this visit, and ask for the Explanation of Benefits; scan it when it comes.",
                     true, "the Explanation of Benefits for this visit is missing"});
    return;
  }
  if ((claims.empty() && says_unfinished) || (any_pending && !any_finished)) {
    bool no_eob = claims.empty();
    found.push_back({FindingRule::kPrematureBill, no_eob ? "R-premature-01" : "R-premature-02", Severity::kHigh,
                     {bill->id}, due, "",
                     no_eob ? "This bill arrived before any Explanation of Benefits for these services: insurance may "
                              "not have processed the claim yet."
                            : "The insurance claim for these services is still pending, so the amount you owe is not "
                              "known yet.",
                     "Do not pay yet. Call the billing office, ask them to hold the account until insurance has "
                     "finished, and ask whether the claim was filed."});
    return;
  }
  if (!any_finished || !IsIso(statement) || (status != "pending" && status != "billed")) return;
  std::string processed;
  for (const Claim* claim : claims) processed = std::max(processed, claim->processed_date);
  if (IsIso(processed) && statement < processed) {
    found.push_back({FindingRule::kPrematureBill, "R-premature-03", Severity::kMedium, {bill->id}, due, "",
                     "This statement (" + statement + ") was sent before your plan processed the claim (" + processed +
                         "); its balance does not reflect insurance.",
                     "Wait for a corrected statement that shows the insurance payment, or ask for one."});
  }
}

}  // namespace shoebox::findings
