// R-balance-01: the bill asks for more than the plan's EOBs say the person owes; R-balance-02: the
// plan says nothing at all is owed and the bill still asks.
#include <algorithm>
#include <cstdlib>

#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/rules/rules.hpp"

namespace shoebox::findings {

void RaiseBalance(const RuleContext& context, const StoredDocument* bill, const Claim*, std::vector<Finding>& found) {
  const Document& d = bill->document;
  const std::vector<const Claim*>& claims = context.ClaimsOfBill(bill->id);
  std::optional<Cents> due = CentsOf(d, "amount_due_cents");
  bool any_finished = AnyFinished(claims);
  if (!due || !any_finished) return;
  Cents owed = 0;
  std::vector<std::string> docs = {bill->id};
  for (const Match* match : context.MatchesOf(bill->id)) {
    if (match->claim_ordinal >= 0) docs.push_back(match->right_id);
  }
  for (const Claim* claim : claims) owed += claim->patient_responsibility_cents.value_or(0);
  Cents paid = std::llabs(CentsOf(d, "patient_paid_cents").value_or(0));
  // A finished claim whose patient share was not read leaves the amount owed unknown.
  bool owed_known = std::all_of(claims.begin(), claims.end(), [](const Claim* c) {
    return !IsFinished(*c) || c->patient_responsibility_cents.has_value();
  });
  if (!owed_known || *due - owed <= 1) return;
  std::sort(docs.begin() + 1, docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  found.push_back(
      {FindingRule::kBalanceExceedsEob, owed == 0 ? "R-balance-02" : "R-balance-01", Severity::kHigh, docs, *due - owed,
       "",
       owed == 0 ? "The bill asks for " + Money(*due) +
                       " but your plan's Explanation of Benefits says you owe nothing for these services."
                 : "The bill asks for " + Money(*due) + " but your plan's Explanation of Benefits says you owe " +
                       Money(owed) + (paid ? " (after your payments)" : "") + ": " + Money(*due - owed) +
                       " more than it should.",
       "Call the billing office with the EOB in hand; ask them to apply the plan's adjustment and send a corrected "
       "statement. Pay no more than the EOB amount."});
}

}  // namespace shoebox::findings
