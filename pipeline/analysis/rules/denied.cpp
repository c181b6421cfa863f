// R-denied-01: a claim the plan denied (wholly or in part); an appeal is due within 180 days of
// the notice (120 for Medicare).
#include "pipeline/analysis/findings.hpp"
#include "pipeline/analysis/rules/rules.hpp"
#include "pipeline/core/dates.hpp"

namespace shoebox::findings {

void RaiseDenied(const RuleContext& context, const StoredDocument* notice, const Claim* claim,
                 std::vector<Finding>& found) {
  if (claim->status != ClaimStatus::kDenied && claim->status != ClaimStatus::kPartiallyDenied) return;
  const Document& d = notice->document;
  int window = d.kind == DocumentKind::kMsn ? 120 : 180;
  std::string from = IsIso(claim->processed_date) ? claim->processed_date : TextOf(d, "notice_date");
  std::string deadline = IsIso(from) ? AddDays(from, window) : "";
  bool soon = !deadline.empty() && DaysBetween(context.today(), deadline) <= 30;
  found.push_back({FindingRule::kClaimDenied, "R-denied-01", soon ? Severity::kHigh : Severity::kMedium, {notice->id},
                   claim->patient_responsibility_cents ? claim->patient_responsibility_cents : claim->billed_cents,
                   deadline,
                   "Your plan denied claim " + claim->claim_number +
                       (claim->provider_name.empty() ? "" : " from " + claim->provider_name) +
                       (deadline.empty() ? "." : "; an appeal is usually due by " + deadline + "."),
                   "Call the plan to ask why it was denied, then appeal in writing before the deadline; ask the "
                   "provider not to bill you while the appeal is open."});
}

}  // namespace shoebox::findings
